// Helpers for the newsletter tests (never imported by the app).
import { eq, sql } from "drizzle-orm";
import type { DbHandle } from "@/db/client";
import { emailOutbox, newsletterSubscribers, users } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { Role } from "@/lib/auth/roles";

export async function makeUser(handle: DbHandle, email: string, role: Role = "member", timeZone = "UTC"): Promise<CurrentUser> {
  const [row] = await handle.db.insert(users).values({ email, role, timeZone }).returning({ id: users.id });
  if (!row) throw new Error("no user");
  return { id: row.id, email, role, timeZone, sessionToken: `test-${row.id}` };
}

/** The newest email to `to`, as stored in the outbox. */
export async function lastEmailTo(handle: DbHandle, to: string) {
  const rows = await handle.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, to)).orderBy(emailOutbox.id);
  return rows.at(-1);
}

/** The first link in a text part that starts with `prefix` (e.g. "http://localhost:3000/newsletter/confirm"). */
export function linkIn(text: string | undefined, path: string): URL {
  const match = text?.match(new RegExp(`https?://[^\\s]+${path.replace(/[/?]/g, "\\$&")}\\?[^\\s]+`));
  if (!match) throw new Error(`no ${path} link in: ${text}`);
  return new URL(match[0]);
}

/** Bulk subscribers for the send tests: `n` rows with one status, addresses `${prefix}${i}@example.test`. */
export async function seedSubscribers(handle: DbHandle, n: number, status: "pending" | "confirmed" | "unsubscribed", prefix: string): Promise<void> {
  for (let i = 0; i < n; i += 1000) {
    const chunk = Array.from({ length: Math.min(1000, n - i) }, (_, k) => ({
      email: `${prefix}${i + k}@example.test`,
      status,
      source: "test",
      subscribedAt: status === "confirmed" ? new Date() : null,
    }));
    await handle.db.insert(newsletterSubscribers).values(chunk);
  }
}

export const truncateNewsletter = (handle: DbHandle) =>
  handle.db.execute(sql`truncate newsletter_deliveries, newsletter_issues, newsletter_subscribers, email_outbox, rate_limits, users cascade`);

interface SinkLike {
  messages(): { id: number; to: string[]; messageId: string; subject: string }[];
}

/**
 * Everything an SMTP sink receives from now on, however much: the sink keeps only its
 * latest messages, so this polls often and picks up new ids as they come.
 * Ids are consecutive, so a gap would mean messages were dropped unseen.
 */
export function collectSink(sink: SinkLike, everyMs = 20) {
  const seen: { id: number; to: string; messageId: string; subject: string; at: number }[] = [];
  let last = sink.messages().reduce((max, m) => Math.max(max, m.id), 0);
  const poll = () => {
    for (const m of sink.messages()) {
      if (m.id <= last) continue;
      if (m.id !== last + 1) throw new Error(`sink collector missed messages ${last + 1}..${m.id - 1}`);
      last = m.id;
      for (const to of m.to) seen.push({ id: m.id, to: to.toLowerCase(), messageId: m.messageId, subject: m.subject, at: Date.now() });
    }
  };
  let error: unknown;
  const timer = setInterval(() => {
    try {
      poll();
    } catch (err) {
      error = err;
    }
  }, everyMs);
  return {
    seen,
    count: () => (poll(), seen.length),
    stop() {
      clearInterval(timer);
      poll();
      if (error) throw error;
    },
  };
}
