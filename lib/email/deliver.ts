import "server-only";
import { and, eq, inArray, lt, lte, or, sql, type SQL } from "drizzle-orm";
import { getDb, tables } from "@/lib/db";
import { reason } from "@/lib/log";
import type { MailTransport } from "./transports/transport";

// The outbox's state machine: pending → sending (claimed under a lease) → sent,
// or back to pending with a backoff, or failed after MAX_ATTEMPTS. Which
// transport carries a message is the caller's choice (lib/email/transports/).

export interface DeliverOptions {
  batchSize?: number;
  /** The clock, for tests. Unset: the database's clock, so every app instance agrees on what is due. */
  now?: Date;
  /** How long a claimed row belongs to this worker; after that, another instance may retry it. */
  leaseSeconds?: number;
  /** Sends in flight at once; defaults to the transport's own concurrency, else one at a time. */
  concurrency?: number;
}

export interface DeliverResult {
  sent: number;
  failed: number;
  retried: number;
}

export const MAX_ATTEMPTS = 8;

/**
 * Seconds until the next try after `attempts` failures: 30 s doubling, capped
 * at an hour, ±25 % jitter so rows that failed together do not retry together.
 */
export function backoffSeconds(attempts: number, random: () => number = Math.random): number {
  const base = Math.min(3600, 30 * 2 ** Math.max(0, attempts - 1));
  return Math.min(3600, Math.round(base * (0.75 + random() * 0.5)));
}

function messageIdFor(row: { id: number; createdAt: Date }, from: string): string {
  const domain = /@([^\s@<>]+)>?\s*$/.exec(from)?.[1] ?? "localhost";
  // The creation time keeps ids unique across database resets: a reused row id
  // must never look like a duplicate to a receiver that de-duplicates (Gmail does).
  return `<outbox.${row.id}.${row.createdAt.getTime().toString(36)}@${domain}>`;
}

/** Short and free of secrets: SMTP errors can echo a connection URL, and last_error is shown to staff. */
export const shortError = (err: unknown): string => reason(err, "all");

const at = (now: Date | undefined): SQL => (now ? sql`${now.toISOString()}::timestamptz` : sql`now()`);
const plusSeconds = (time: SQL, seconds: number): SQL => sql`(${time} + ${Math.round(seconds)}::int * interval '1 second')`;

/**
 * Delivers up to `batchSize` due emails. Safe to run from any number of app
 * instances at once: each row is claimed by one statement with SKIP LOCKED, and
 * every later write checks the row is still ours (same status and attempt
 * number), so a worker whose lease ran out cannot overwrite its successor.
 * At-least-once: a crash between sending and recording resends after the lease,
 * with the same Message-ID.
 */
export async function deliverDueEmails(transport: MailTransport, opts: DeliverOptions = {}): Promise<DeliverResult> {
  const batchSize = opts.batchSize ?? 50;
  const leaseSeconds = opts.leaseSeconds ?? 120;
  const now = at(opts.now);
  const db = await getDb();
  const t = tables.emailOutbox;
  const result: DeliverResult = { sent: 0, failed: 0, retried: 0 };

  // A worker that died during the last attempt leaves a row in 'sending'; it gets no ninth try.
  const expired = and(eq(t.status, "sending"), lt(t.lockedUntil, now));
  await db
    .update(t)
    .set({ status: "failed", lockedUntil: null, lastError: "worker stopped during the last attempt" })
    .where(and(expired, sql`${t.attempts} >= ${MAX_ATTEMPTS}`));

  const due = db
    .select({ id: t.id })
    .from(t)
    .where(or(and(eq(t.status, "pending"), lte(t.nextAttemptAt, now)), and(expired, lt(t.attempts, MAX_ATTEMPTS))))
    .orderBy(t.id)
    .limit(batchSize)
    .for("update", { skipLocked: true });
  const claimed = await db
    .update(t)
    .set({ status: "sending", lockedUntil: plusSeconds(now, leaseSeconds), attempts: sql`${t.attempts} + 1` })
    .where(inArray(t.id, due))
    .returning({
      id: t.id,
      to: t.toAddress,
      subject: t.subject,
      text: t.textBody,
      html: t.htmlBody,
      headers: t.headers,
      attempts: t.attempts,
      createdAt: t.createdAt,
    });
  claimed.sort((a, b) => a.id - b.id);
  const claimedAt = Date.now();

  const deliverOne = async (row: (typeof claimed)[number]) => {
    const ours = and(eq(t.id, row.id), eq(t.status, "sending"), eq(t.attempts, row.attempts));
    // Late rows of a slow batch may near the end of their lease: renew it, or skip the row if another worker has taken it over.
    if (Date.now() - claimedAt > (leaseSeconds * 1000) / 3) {
      const renewed = await db.update(t).set({ lockedUntil: plusSeconds(at(opts.now), leaseSeconds) }).where(ours).returning({ id: t.id });
      if (renewed.length === 0) return;
    }
    const messageId = messageIdFor(row, transport.from);
    try {
      await transport.send({
        from: transport.from,
        to: row.to,
        subject: row.subject,
        text: row.text,
        html: row.html,
        headers: row.headers ?? {},
        messageId,
      });
    } catch (err) {
      const final = row.attempts >= MAX_ATTEMPTS;
      await db
        .update(t)
        .set({
          status: final ? "failed" : "pending",
          lockedUntil: null,
          lastError: shortError(err),
          nextAttemptAt: final ? undefined : plusSeconds(at(opts.now), backoffSeconds(row.attempts)),
        })
        .where(ours);
      if (final) result.failed++;
      else result.retried++;
      return;
    }
    // Recorded row by row, straight after the server's 250: a crash then resends at most the messages in flight.
    await db
      .update(t)
      .set({ status: "sent", sentAt: at(opts.now), messageId: transport.recordAs ?? messageId, lockedUntil: null, lastError: null })
      .where(ours);
    result.sent++;
  };

  // A few lanes pull rows in id order; with a pooled transport each lane keeps one SMTP connection busy.
  const lanes = Math.max(1, Math.min(opts.concurrency ?? transport.concurrency ?? 1, claimed.length));
  let next = 0;
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      while (next < claimed.length) {
        const row = claimed[next++];
        if (row) await deliverOne(row);
      }
    }),
  );
  return result;
}
