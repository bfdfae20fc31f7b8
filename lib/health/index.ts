import "server-only";
import { sql } from "drizzle-orm";
import { getDb, getDbKind, type DbKind } from "@/lib/db";

export type Health = { status: "ok"; db: DbKind } | { status: "error"; error: string };

/** Asks the database a trivial question, bounded by a timeout so a hung connection still answers. */
export async function checkHealth(timeoutMs = 3000): Promise<Health> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("timed out")), timeoutMs);
  });
  try {
    const probe = (async () => {
      const db = await getDb();
      await db.execute(sql`select 1`);
      return getDbKind();
    })();
    const kind = await Promise.race([probe, timeout]);
    return { status: "ok", db: kind };
  } catch (err) {
    console.error("health check failed:", err instanceof Error ? err.message : err);
    return { status: "error", error: "The database is not answering." };
  } finally {
    clearTimeout(timer);
  }
}
