import "server-only";
import { and, eq, gt, sql } from "drizzle-orm";
import { cookies } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { getDb, preparedStatement, tables } from "@/lib/db";
import { isAdmin, isCoach, type Role } from "./roles";
import { SESSION_COOKIES } from "./session-cookie";
import { ForbiddenError, IDLE_DAYS } from "./sessions";

export { ForbiddenError } from "./sessions";

const DAY_MS = 86_400_000;
// lastSeenAt is written at most this often, so reading a page is not a write.
const TOUCH_INTERVAL_MS = 60 * 60 * 1000;

export interface CurrentUser {
  id: string;
  email: string;
  role: Role;
  timeZone: string;
  sessionToken: string;
}

const sessionUser = preparedStatement((db) =>
  db
    .select({
      id: tables.users.id,
      email: tables.users.email,
      role: tables.users.role,
      timeZone: tables.users.timeZone,
      lastSeenAt: tables.sessions.lastSeenAt,
    })
    .from(tables.sessions)
    .innerJoin(tables.users, eq(tables.users.id, tables.sessions.userId))
    .where(
      and(
        eq(tables.sessions.sessionToken, sql.placeholder("token")),
        gt(tables.sessions.expires, sql.placeholder("now")),
        gt(tables.sessions.lastSeenAt, sql.placeholder("idleSince")),
      ),
    )
    .limit(1)
    .prepare("session_user"),
);

/**
 * The signed-in user for a session token, or null. A session is valid until its
 * absolute expiry (30 days from sign-in) unless idle for IDLE_DAYS.
 */
export async function userForSessionToken(token: string, now = new Date()): Promise<CurrentUser | null> {
  const [row] = await (await sessionUser()).execute({
    token,
    now: now.toISOString(),
    idleSince: new Date(now.getTime() - IDLE_DAYS * DAY_MS).toISOString(),
  });
  if (!row) return null;
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    const db = await getDb();
    await db.update(tables.sessions).set({ lastSeenAt: now }).where(eq(tables.sessions.sessionToken, token));
  }
  return { id: row.id, email: row.email, role: row.role, timeZone: row.timeZone, sessionToken: token };
}

/** The signed-in user of this request (read once per request), or null. */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const jar = await cookies();
  for (const name of SESSION_COOKIES) {
    const token = jar.get(name)?.value;
    if (token) return userForSessionToken(token);
  }
  return null;
});

const signInPath = (returnTo: string) => `/signin?${new URLSearchParams({ callbackUrl: returnTo })}`;

/** For pages: the user, or a redirect to sign in that comes back here. */
export async function requireUser(returnTo: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(signInPath(returnTo));
  return user;
}


/** For coach pages: anyone else gets the ordinary 404, which says nothing about what is here. */
export async function requireCoach(returnTo: string): Promise<CurrentUser> {
  const user = await requireUser(returnTo);
  if (!isCoach(user.role)) notFound();
  return user;
}

/** For server actions: no redirect, just a refusal. */
export async function requireAdminUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user || !isAdmin(user.role)) throw new ForbiddenError("admins only");
  return user;
}

export async function requireSignedInUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) throw new ForbiddenError("sign in first");
  return user;
}

/** Ends every session of this user (all devices). */
export async function endAllSessions(user: CurrentUser): Promise<number> {
  const db = await getDb();
  const ended = await db.delete(tables.sessions).where(eq(tables.sessions.userId, user.id)).returning({ t: tables.sessions.sessionToken });
  return ended.length;
}

