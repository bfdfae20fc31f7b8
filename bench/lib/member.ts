// Fixtures made straight in the database, as sign-in would leave them: a member
// with complimentary access and a live session whose token we know.
import { randomBytes } from "node:crypto";
import type { Sql } from "./database";

export interface Member {
  userId: string;
  email: string;
  sessionToken: string;
  cookie: string;
}

export async function createMember(sql: Sql, tag: string, opts: { startDaysAgo?: number; comp?: boolean; stripeCustomerId?: string } = {}): Promise<Member> {
  const userId = `bench-${tag}`;
  const email = `${tag}@bench.test`;
  const sessionToken = randomBytes(24).toString("base64url");
  await sql`insert into users (id, email, email_verified, stripe_customer_id) values (${userId}, ${email}, now(), ${opts.stripeCustomerId ?? null})`;
  if (opts.comp ?? true) await sql`insert into comps (user_id, ends_at, note) values (${userId}, now() + interval '30 days', 'benchmark')`;
  // last_seen_at now: the session is not "touched" (written) on every request, as in real use within the hour.
  await sql`insert into sessions (session_token, user_id, expires, last_seen_at) values (${sessionToken}, ${userId}, now() + interval '30 days', now())`;
  if (opts.startDaysAgo !== undefined) {
    await sql`insert into member_dojo (user_id, start_date) values (${userId}, current_date - ${opts.startDaysAgo}::int)`;
  }
  return { userId, email, sessionToken, cookie: `authjs.session-token=${sessionToken}` };
}
