import "server-only";
import { lt, sql } from "drizzle-orm";
import { getDb, tables } from "@/lib/db";

export interface RateLimitResult {
  ok: boolean;
  /** Seconds until the window resets; send as Retry-After when refused. */
  retryAfter: number;
  remaining: number;
}

/**
 * Counts one request against `key` in a fixed window, in the database so every
 * app instance shares the count. The increment and the read are one statement.
 */
export async function hitRateLimit(key: string, limit: number, windowSeconds: number, now = new Date()): Promise<RateLimitResult> {
  const db = await getDb();
  const windowMs = windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const [row] = await db
    .insert(tables.rateLimits)
    .values({ key, windowStart, count: 1 })
    .onConflictDoUpdate({
      target: [tables.rateLimits.key, tables.rateLimits.windowStart],
      set: { count: sql`${tables.rateLimits.count} + 1` },
    })
    .returning({ count: tables.rateLimits.count });
  const count = row?.count ?? 1;
  const retryAfter = Math.max(1, Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000));
  return { ok: count <= limit, retryAfter, remaining: Math.max(0, limit - count) };
}

/** Old windows are useless once they end; drop those older than a day. */
export async function purgeOldRateLimits(now = new Date()): Promise<void> {
  const db = await getDb();
  await db.delete(tables.rateLimits).where(lt(tables.rateLimits.windowStart, new Date(now.getTime() - 86_400_000)));
}
