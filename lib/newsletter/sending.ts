import "server-only";
import { and, asc, count, eq, inArray, lte, sql } from "drizzle-orm";
import { columnName, getDb, tables } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/outbox";
import { issueEmail } from "@/lib/email/templates";
import { env } from "@/lib/env";
import { startLoop } from "@/lib/jobs/loop";
import { renderMarkdown } from "@/lib/markdown/render";
import { audienceSql } from "./audience";
import { listUnsubscribeHeaders, manageUrl, unsubscribeUrl } from "./links";
import { deliveryCounts } from "./counts";
import { log } from "@/lib/log";

// Sending an issue, in three idempotent steps any app instance may run:
// 1. start: a due issue becomes `sending` and, in the same transaction, gets
//    one delivery row per recipient (the audience is fixed at that moment);
// 2. enqueue: waiting deliveries become outbox rows, a batch per transaction,
//    no faster than NEWSLETTER_SEND_RATE, each with the dedupe key
//    newsletter:<issue>:<subscriber>; the outbox worker delivers and retries;
// 3. finish: once nothing waits and the outbox has settled, the issue is `sent`.
// A crash anywhere loses or repeats nothing: an uncommitted batch never
// happened, a committed one is marked on its delivery rows.

const issues = tables.newsletterIssues;
const deliveries = tables.newsletterDeliveries;
const subscribers = tables.newsletterSubscribers;

/** How far ahead of the clock the limiter lets a sender catch up after a pause: one second's worth. */
const BURST_MS = 1000;
const MAX_BATCH = 500;
/**
 * The outbox is one queue, oldest first, for every email. Newsletter rows are
 * added only while it holds less than about two seconds of sending, so a
 * sign-in link enqueued mid-send waits seconds, not the whole issue, even when
 * the mail server is slower than NEWSLETTER_SEND_RATE.
 */
const backlogCap = (rate: number) => Math.max(100, Math.ceil(rate * 2));

export const dedupeKeyFor = (issueId: number, subscriberId: string) => `newsletter:${issueId}:${subscriberId}`;

/** Starts every scheduled issue whose time has come; returns their ids. */
export async function startDueIssues(now = new Date()): Promise<number[]> {
  const db = await getDb();
  const due = await db
    .select({ id: issues.id })
    .from(issues)
    .where(and(eq(issues.status, "scheduled"), lte(issues.scheduledAt, now)))
    .orderBy(asc(issues.scheduledAt));
  const started: number[] = [];
  for (const { id } of due) {
    const ok = await db.transaction(async (tx) => {
      // Only one instance wins the status change; the others find nothing to update.
      const [issue] = await tx
        .update(issues)
        .set({ status: "sending", startedAt: now, enqueueClock: new Date(now.getTime() - BURST_MS), updatedAt: now })
        .where(and(eq(issues.id, id), eq(issues.status, "scheduled"), lte(issues.scheduledAt, now)))
        .returning({ id: issues.id, audience: issues.audience });
      if (!issue) return false;
      await tx.execute(sql`
        insert into ${deliveries} (${columnName(deliveries.issueId)}, ${columnName(deliveries.subscriberId)})
        select ${issue.id}::int, ${subscribers.id} from ${subscribers}
        where ${subscribers.status} = 'confirmed' and ${audienceSql(issue.audience, now, env().PAST_DUE_GRACE_DAYS)}
        on conflict do nothing`);
      const [n] = await tx.select({ n: sql<number>`count(*)::int` }).from(deliveries).where(eq(deliveries.issueId, issue.id));
      await tx.update(issues).set({ recipientCount: n?.n ?? 0 }).where(eq(issues.id, issue.id));
      return true;
    });
    if (ok) started.push(id);
  }
  return started;
}

export interface BatchResult {
  enqueued: number;
  skipped: number;
  /** Another instance holds the issue right now, or it is not sending. */
  busy: boolean;
  /** Deliveries may still be waiting after this batch. */
  more: boolean;
}

/**
 * Hands the next waiting deliveries of one sending issue to the outbox, as many
 * as the rate allows since the last batch. The issue row is locked for the
 * transaction (SKIP LOCKED), so instances take turns and the rate is global.
 */
export async function enqueueIssueBatch(issueId: number, opts: { rate?: number; maxBatch?: number; now?: Date } = {}): Promise<BatchResult> {
  const rate = opts.rate ?? env().NEWSLETTER_SEND_RATE;
  const now = opts.now ?? new Date();
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [issue] = await tx
      .select({ id: issues.id, subject: issues.subject, bodyMd: issues.bodyMd, clock: issues.enqueueClock })
      .from(issues)
      .where(and(eq(issues.id, issueId), eq(issues.status, "sending")))
      .for("update", { skipLocked: true });
    if (!issue) return { enqueued: 0, skipped: 0, busy: true, more: false };

    const clock = Math.max(issue.clock?.getTime() ?? 0, now.getTime() - BURST_MS);
    let allowance = Math.min(opts.maxBatch ?? MAX_BATCH, Math.floor(((now.getTime() - clock) / 1000) * rate));
    if (allowance < 1) return { enqueued: 0, skipped: 0, busy: false, more: true };
    const outbox = tables.emailOutbox;
    const [backlog] = await tx.select({ n: count() }).from(outbox).where(inArray(outbox.status, ["pending", "sending"]));
    allowance = Math.min(allowance, backlogCap(rate) - Number(backlog?.n ?? 0));
    if (allowance < 1) return { enqueued: 0, skipped: 0, busy: false, more: true };

    const batch = await tx
      .select({ subscriberId: deliveries.subscriberId, email: subscribers.email, status: subscribers.status })
      .from(deliveries)
      .innerJoin(subscribers, eq(subscribers.id, deliveries.subscriberId))
      .where(and(eq(deliveries.issueId, issue.id), eq(deliveries.state, "waiting")))
      .orderBy(asc(deliveries.subscriberId))
      .limit(allowance);
    if (batch.length === 0) return { enqueued: 0, skipped: 0, busy: false, more: false };

    const bodyHtml = renderMarkdown(issue.bodyMd);
    const siteUrl = env().APP_URL;
    // Unsubscribed (or gone back to pending) since the list was fixed: they get nothing.
    const skipped = batch.filter((r) => r.status !== "confirmed").map((r) => r.subscriberId);
    // Issued together so postgres.js pipelines the inserts over the transaction's connection.
    const queued = await Promise.all(
      batch
        .filter((r) => r.status === "confirmed")
        .map(async (r) => {
          const mail = issueEmail({
            subject: issue.subject,
            bodyHtml,
            bodyMd: issue.bodyMd,
            manageUrl: manageUrl(r.subscriberId),
            unsubscribeUrl: unsubscribeUrl(r.subscriberId),
            siteUrl,
          });
          const { id } = await enqueueEmail(
            { to: r.email, ...mail, headers: listUnsubscribeHeaders(r.subscriberId), dedupeKey: dedupeKeyFor(issue.id, r.subscriberId) },
            tx,
          );
          return { subscriberId: r.subscriberId, outboxId: id };
        }),
    );

    if (queued.length > 0) {
      const values = sql.join(
        queued.map((q) => sql`(${q.subscriberId}::uuid, ${q.outboxId}::bigint)`),
        sql`, `,
      );
      await tx.execute(sql`
        update ${deliveries} set ${columnName(deliveries.state)} = 'queued', ${columnName(deliveries.outboxId)} = v.outbox_id
        from (values ${values}) as v(subscriber_id, outbox_id)
        where ${deliveries.issueId} = ${issue.id} and ${deliveries.subscriberId} = v.subscriber_id`);
    }
    if (skipped.length > 0) {
      await tx
        .update(deliveries)
        .set({ state: "skipped" })
        .where(and(eq(deliveries.issueId, issue.id), inArray(deliveries.subscriberId, skipped)));
    }
    await tx
      .update(issues)
      .set({ enqueueClock: new Date(clock + (queued.length / rate) * 1000) })
      .where(eq(issues.id, issue.id));
    return { enqueued: queued.length, skipped: skipped.length, busy: false, more: batch.length === allowance };
  });
}

/** Marks sending issues as sent once nothing waits and every outbox row is sent or failed for good. */
export async function finishIssues(now = new Date()): Promise<number[]> {
  const db = await getDb();
  const sending = await db.select({ id: issues.id }).from(issues).where(eq(issues.status, "sending"));
  const finished: number[] = [];
  for (const { id } of sending) {
    // Cheap check first (an index lookup): while deliveries wait, the issue is not done.
    const [waiting] = await db
      .select({ one: sql<number>`1` })
      .from(deliveries)
      .where(and(eq(deliveries.issueId, id), eq(deliveries.state, "waiting")))
      .limit(1);
    if (waiting) continue;
    const c = await deliveryCounts(db, id);
    if (c.waiting > 0 || c.inOutbox > 0) continue;
    const [row] = await db
      .update(issues)
      .set({ status: "sent", finishedAt: now, sentCount: c.sent, failedCount: c.failed, updatedAt: now })
      .where(and(eq(issues.id, id), eq(issues.status, "sending")))
      .returning({ id: issues.id });
    if (row) finished.push(id);
  }
  return finished;
}

export interface TickResult {
  started: number[];
  enqueued: number;
  finished: number[];
  /** Some issue still has deliveries waiting for the rate limiter. */
  more: boolean;
}

/** One round of the sender: start what is due, enqueue what the rate allows, finish what has settled. */
export async function runNewsletterTick(opts: { rate?: number; now?: Date } = {}): Promise<TickResult> {
  const now = opts.now ?? new Date();
  const started = await startDueIssues(now);
  const db = await getDb();
  const sending = await db.select({ id: issues.id }).from(issues).where(eq(issues.status, "sending")).orderBy(asc(issues.startedAt));
  let enqueued = 0;
  let more = false;
  for (const { id } of sending) {
    const r = await enqueueIssueBatch(id, { rate: opts.rate, now });
    enqueued += r.enqueued;
    more ||= r.more;
  }
  const finished = await finishIssues(now);
  return { started, enqueued, finished, more };
}

const slot = globalThis as unknown as { __dojoNewsletterWorker?: () => Promise<void> };

/**
 * Runs the sender every `intervalMs` (and sooner while an issue is mid-send)
 * until stopped. Runs never overlap, errors are logged and never thrown, and
 * the timer does not keep the process alive. The returned function stops the
 * loop and resolves when the run in progress has finished.
 */
export function startNewsletterWorker(opts: { intervalMs?: number; rate?: number } = {}): () => Promise<void> {
  if (slot.__dojoNewsletterWorker) return slot.__dojoNewsletterWorker;
  const idleMs = opts.intervalMs ?? 5000;
  // While sending, a short step keeps batches small and the outbox fed evenly.
  const busyMs = 200;
  const stopLoop = startLoop({
    name: "newsletter worker",
    idleMs,
    step: async () => {
      const r = await runNewsletterTick({ rate: opts.rate });
      for (const id of r.started) log.info("newsletter: issue started sending", { issue: id });
      for (const id of r.finished) log.info("newsletter: issue finished", { issue: id });
      return r.more || r.enqueued > 0 ? busyMs : idleMs;
    },
  });

  const stop = async () => {
    await stopLoop();
    if (slot.__dojoNewsletterWorker === stop) slot.__dojoNewsletterWorker = undefined;
  };
  slot.__dojoNewsletterWorker = stop;
  return stop;
}
