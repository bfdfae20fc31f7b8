import "server-only";
import { sql } from "drizzle-orm";
import { databaseState } from "@/db/client";
import { getDb, getDbKind, type DbKind } from "@/lib/db";
import { log, reason } from "@/lib/log";

// Two questions a container host asks. Liveness (/api/health): is this process
// able to answer at all? If not, restart it. Readiness (/api/ready): should it
// get traffic now? Not while its migrations run (or it waits for another
// instance's), and not while the database does not answer; it is not
// restarted for that, only passed over until it is ready again.

export type Readiness = { status: "ok"; db: DbKind } | { status: "error"; error: string } | { status: "migrating" };

/** Asks the database a trivial question, bounded by a timeout so a hung connection still answers. */
export async function checkReadiness(timeoutMs = 3000): Promise<Readiness> {
  if (databaseState() === "migrating") return { status: "migrating" };
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
    log.error("readiness check failed", { reason: reason(err) });
    return { status: "error", error: "The database is not answering." };
  } finally {
    clearTimeout(timer);
  }
}
