import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { emailOutbox, newsletterDeliveries, newsletterIssues, newsletterSubscribers, subscriptions } from "@/db/schema";
import { openFreshTestDatabase, testDatabases } from "@/db/testing";
import { startSmtpSink, type SmtpSink } from "@/dev/smtp-sink/server";
import type { CurrentUser } from "@/lib/auth/current-user";
import { deliverDueEmails } from "@/lib/email/deliver";
import { smtpTransport } from "@/lib/email/transports/smtp";
import type { MailTransport } from "@/lib/email/transports/transport";
import { startEmailWorker } from "@/lib/email/worker";
import { saveIssue, sendIssueNow } from "./issues";
import { getIssueProgress } from "./progress";
import { enqueueIssueBatch, finishIssues, runNewsletterTick, startDueIssues, startNewsletterWorker } from "./sending";
import { unsubscribeWithToken } from "./subscribers";
import { collectSink, makeUser, seedSubscribers, truncateNewsletter } from "./testing";
import { manageToken, readManageToken } from "./tokens";

process.env.APP_URL = "https://dojo.test";
process.env.EMAIL_FROM = '"Letters" <letters@dojo.test>';

const FROM = '"Letters" <letters@dojo.test>';
const accepting: MailTransport = { from: FROM, async send() {} };

describe.each(testDatabases())("sending an issue on $kind", (target) => {
  let handle: DbHandle;
  let coach: CurrentUser;

  const outbox = () => handle.db.select().from(emailOutbox).orderBy(emailOutbox.id);
  const deliveries = (issueId: number) => handle.db.select().from(newsletterDeliveries).where(eq(newsletterDeliveries.issueId, issueId));
  const issueRow = async (id: number) => (await handle.db.select().from(newsletterIssues).where(eq(newsletterIssues.id, id)))[0];
  const subscriberId = async (email: string) =>
    (await handle.db.select({ id: newsletterSubscribers.id }).from(newsletterSubscribers).where(eq(newsletterSubscribers.email, email)))[0]?.id ?? "";

  async function draft(audience: "all" | "members" | "non_members" = "all", body = "## Hello\n\nA *short* note. [Take the quiz](https://dojo.test/quiz)") {
    const r = await saveIssue(coach, null, { subject: "A note for the week", bodyMd: body, audience, visibility: "public" });
    if (!r.ok) throw new Error(r.error);
    return r.id;
  }
  async function scheduleNow(id: number, at = new Date()) {
    await handle.db.update(newsletterIssues).set({ status: "scheduled", scheduledAt: at }).where(eq(newsletterIssues.id, id));
  }

  beforeAll(async () => {
    handle = await openFreshTestDatabase(target);
  });
  afterAll(() => handle.close());
  beforeEach(async () => {
    await truncateNewsletter(handle);
    coach = await makeUser(handle, "coach@dojo.test", "coach");
    await handle.db.insert(newsletterSubscribers).values([
      { email: "ana@example.test", status: "confirmed", source: "home" },
      { email: "bo@example.test", status: "confirmed", source: "quiz" },
      { email: "member@example.test", status: "confirmed", source: "account" },
      { email: "pending@example.test", status: "pending", source: "home" },
      { email: "left@example.test", status: "unsubscribed", source: "home" },
    ]);
    const member = await makeUser(handle, "Member@Example.test");
    await handle.db.insert(subscriptions).values({ id: "sub_1", userId: member.id, stripeCustomerId: "cus_1", status: "active" });
  });

  it("fixes one delivery per confirmed recipient of the audience, and only those", async () => {
    const all = await draft("all");
    const members = await draft("members");
    const others = await draft("non_members");
    for (const id of [all, members, others]) await scheduleNow(id);
    expect((await startDueIssues()).sort()).toEqual([all, members, others].sort());
    const emails = async (id: number) => {
      const ids = (await deliveries(id)).map((d) => d.subscriberId);
      const rows = await handle.db.select().from(newsletterSubscribers);
      return rows.filter((r) => ids.includes(r.id)).map((r) => r.email).sort();
    };
    expect(await emails(all)).toEqual(["ana@example.test", "bo@example.test", "member@example.test"]);
    expect(await emails(members)).toEqual(["member@example.test"]);
    expect(await emails(others)).toEqual(["ana@example.test", "bo@example.test"]);
    expect(await issueRow(all)).toMatchObject({ status: "sending", recipientCount: 3 });
    // Starting again finds nothing to start.
    expect(await startDueIssues()).toEqual([]);
  });

  it("enqueues each recipient once, with one-click unsubscribe headers, and a re-run enqueues nothing twice", async () => {
    const id = await draft();
    await scheduleNow(id);
    await startDueIssues();
    expect(await enqueueIssueBatch(id, { rate: 1000 })).toMatchObject({ enqueued: 3, skipped: 0 });
    const rows = await outbox();
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      const sid = await subscriberId(row.toAddress);
      expect(row.dedupeKey).toBe(`newsletter:${id}:${sid}`);
      expect(row.subject).toBe("A note for the week");
      const headers = row.headers ?? {};
      expect(headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
      const [https, mailto] = (headers["List-Unsubscribe"] ?? "").split(", ");
      expect(mailto).toBe("<mailto:letters@dojo.test?subject=unsubscribe>");
      const url = new URL(https?.slice(1, -1) ?? "");
      expect(url.origin + url.pathname).toBe("https://dojo.test/newsletter/unsubscribe");
      expect(readManageToken(url.searchParams.get("token"))).toBe(sid);
      expect(row.textBody).toContain(`https://dojo.test/newsletter/manage?token=${manageToken(sid)}`);
      expect(row.htmlBody).toContain("<em>short</em>");
      expect(row.htmlBody).toContain(`href="https://dojo.test/newsletter/unsubscribe?token=${manageToken(sid)}"`);
    }

    // As if the delivery rows had not been marked (a crash the transaction rules out, tested anyway): the dedupe key holds.
    await handle.db.update(newsletterDeliveries).set({ state: "waiting", outboxId: null }).where(eq(newsletterDeliveries.issueId, id));
    expect(await enqueueIssueBatch(id, { rate: 1000, now: new Date(Date.now() + 5000) })).toMatchObject({ enqueued: 3 });
    expect(await outbox()).toHaveLength(3);
    expect((await deliveries(id)).map((d) => d.outboxId).sort()).toEqual(rows.map((r) => r.id).sort());
    expect(await enqueueIssueBatch(id, { rate: 1000, now: new Date(Date.now() + 10_000) })).toMatchObject({ enqueued: 0, more: false });
  });

  it("keeps to the rate, whichever instance asks", async () => {
    await seedSubscribers(handle, 40, "confirmed", "bulk");
    const id = await draft();
    const t0 = new Date();
    await scheduleNow(id, t0);
    await startDueIssues(t0);
    // 10 a second: one second's allowance at the start, nothing more until time passes.
    expect((await enqueueIssueBatch(id, { rate: 10, now: t0 })).enqueued).toBe(10);
    expect((await enqueueIssueBatch(id, { rate: 10, now: t0 })).enqueued).toBe(0);
    expect((await enqueueIssueBatch(id, { rate: 10, now: new Date(t0.getTime() + 500) })).enqueued).toBe(5);
    // Two at once: one holds the issue, the other skips it.
    const later = new Date(t0.getTime() + 2000);
    const both = await Promise.all([enqueueIssueBatch(id, { rate: 10, now: later }), enqueueIssueBatch(id, { rate: 10, now: later })]);
    // After a pause the limiter allows one second's worth, not the whole gap.
    expect(both.reduce((n, r) => n + r.enqueued, 0)).toBe(10);
    expect(await outbox()).toHaveLength(25);
  });

  it("holds back while the outbox is backed up, so other mail never waits behind a whole issue", async () => {
    const id = await draft();
    await scheduleNow(id);
    await startDueIssues();
    // 100 other emails waiting (the floor of the cap at a rate of 10 a second).
    for (let i = 0; i < 100; i++) await handle.db.insert(emailOutbox).values({ toAddress: `x${i}@example.test`, subject: "s", textBody: "t", htmlBody: "h" });
    expect(await enqueueIssueBatch(id, { rate: 10 })).toMatchObject({ enqueued: 0, more: true });
    await handle.db.update(emailOutbox).set({ status: "sent" }).where(sql`${emailOutbox.id} <= (select min(id) + 1 from email_outbox)`);
    expect(await enqueueIssueBatch(id, { rate: 10, now: new Date(Date.now() + 1000) })).toMatchObject({ enqueued: 2, more: true });
  });

  it("skips anyone who unsubscribes after the send began", async () => {
    const id = await draft();
    await scheduleNow(id);
    await startDueIssues();
    await unsubscribeWithToken(manageToken(await subscriberId("bo@example.test")));
    expect(await enqueueIssueBatch(id, { rate: 1000 })).toMatchObject({ enqueued: 2, skipped: 1 });
    expect((await outbox()).map((r) => r.toAddress).sort()).toEqual(["ana@example.test", "member@example.test"]);
  });

  it("reports progress from the outbox and finishes when everything has settled", async () => {
    const id = await draft();
    expect(await sendIssueNow(coach, id)).toEqual({ ok: true, recipients: 3 });
    expect(await getIssueProgress(coach, id)).toEqual({ status: "sending", recipients: 3, sent: 0, failed: 0, waiting: 3, skipped: 0 });
    const [first] = await outbox();
    await handle.db.update(emailOutbox).set({ status: "failed" }).where(eq(emailOutbox.id, first?.id ?? 0));
    await deliverDueEmails(accepting);
    expect(await getIssueProgress(coach, id)).toEqual({ status: "sending", recipients: 3, sent: 2, failed: 1, waiting: 0, skipped: 0 });
    expect(await finishIssues()).toEqual([id]);
    expect(await issueRow(id)).toMatchObject({ status: "sent", sentCount: 2, failedCount: 1 });
    // After the outbox rows are purged, the tallies remain.
    await handle.db.delete(emailOutbox).where(sql`true`);
    expect(await getIssueProgress(coach, id)).toMatchObject({ status: "sent", sent: 2, failed: 1, waiting: 0 });
  });

  it("an issue that reaches nobody finishes at once", async () => {
    const id = await draft("members");
    await handle.db.update(subscriptions).set({ status: "canceled" }).where(eq(subscriptions.id, "sub_1"));
    await scheduleNow(id);
    const r = await runNewsletterTick();
    expect(r).toMatchObject({ started: [id], enqueued: 0, finished: [id] });
    expect(await issueRow(id)).toMatchObject({ status: "sent", recipientCount: 0, sentCount: 0 });
  });

  it("a scheduled issue waits for its time", async () => {
    const id = await draft();
    await scheduleNow(id, new Date(Date.now() + 3_600_000));
    expect((await runNewsletterTick()).started).toEqual([]);
    expect((await runNewsletterTick({ now: new Date(Date.now() + 3_601_000) })).started).toEqual([id]);
  });
});

describe.each(testDatabases())("sending 10,000 through the SMTP sink on $kind", (target) => {
  let handle: DbHandle;
  let sink: SmtpSink;

  beforeAll(async () => {
    handle = await openFreshTestDatabase(target);
    sink = await startSmtpSink();
  });
  afterAll(async () => {
    await sink.close();
    await handle.close();
  });

  it("reaches every confirmed subscriber exactly once and nobody else", { timeout: 240_000 }, async () => {
    await truncateNewsletter(handle);
    const coach = await makeUser(handle, "coach@dojo.test", "coach");
    await seedSubscribers(handle, 10_000, "confirmed", "reader");
    await seedSubscribers(handle, 300, "pending", "pending");
    await seedSubscribers(handle, 300, "unsubscribed", "gone");
    const saved = await saveIssue(coach, null, { subject: "Ten thousand", bodyMd: "Hello.\n\n**Bold** words and a [link](https://dojo.test/quiz).", audience: "all", visibility: "public" });
    if (!saved.ok) throw new Error(saved.error);

    const transport = smtpTransport(`smtp://127.0.0.1:${sink.smtpPort}`, FROM, { pool: true, maxConnections: 8 });
    const collector = collectSink(sink);
    const started = performance.now();
    await sendIssueNow(coach, saved.id);
    const stopEmail = startEmailWorker({ intervalMs: 50, transport });
    const stopNewsletter = startNewsletterWorker({ intervalMs: 200, rate: 2000 });
    try {
      await expect
        .poll(async () => (await handle.db.select({ status: newsletterIssues.status }).from(newsletterIssues).where(eq(newsletterIssues.id, saved.id)))[0]?.status, {
          timeout: 200_000,
          interval: 250,
        })
        .toBe("sent");
    } finally {
      await stopNewsletter();
      await stopEmail();
      transport.close?.();
    }
    const seconds = (performance.now() - started) / 1000;
    await new Promise((r) => setTimeout(r, 200));
    collector.stop();

    const perRecipient = new Map<string, number>();
    for (const m of collector.seen) perRecipient.set(m.to, (perRecipient.get(m.to) ?? 0) + 1);
    console.log(`newsletter send on ${target.kind}: ${collector.seen.length} emails through the SMTP sink in ${seconds.toFixed(1)} s = ${(collector.seen.length / seconds).toFixed(0)}/s`);
    expect(perRecipient.size).toBe(10_000);
    expect([...perRecipient.values()].every((n) => n === 1)).toBe(true);
    expect([...perRecipient.keys()].every((to) => /^reader\d+@example\.test$/.test(to))).toBe(true);
    expect(collector.seen.every((m) => m.subject === "Ten thousand")).toBe(true);
    const [left] = await handle.db
      .select({ n: sql<number>`count(*)::int` })
      .from(emailOutbox)
      .where(and(sql`${emailOutbox.status} <> 'sent'`));
    expect(left?.n).toBe(0);
  });
});
