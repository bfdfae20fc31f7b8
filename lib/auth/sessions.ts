import "server-only";
import { lt, or } from "drizzle-orm";
import { getDb, tables } from "@/lib/db";

// Session rules that background work needs too, kept apart from the request
// helpers in current-user.ts (which need Next's request context): the worker
// process loads this without Next's router.

/** A session unused this long ends, whatever its absolute expiry. */
export const IDLE_DAYS = 7;
const DAY_MS = 86_400_000;

/** Refused when an action or page belongs to someone else, or to a role the actor lacks. */
export class ForbiddenError extends Error {}

/** Deletes sessions past their absolute expiry or idle for IDLE_DAYS (housekeeping). */
export async function purgeDeadSessions(now = new Date()): Promise<void> {
  const db = await getDb();
  await db
    .delete(tables.sessions)
    .where(or(lt(tables.sessions.expires, now), lt(tables.sessions.lastSeenAt, new Date(now.getTime() - IDLE_DAYS * DAY_MS))));
}
