import { createServer } from "node:net";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { DbHandle } from "@/db/client";
import { emailOutbox } from "@/db/schema";
import { openFreshTestDatabase, testDatabases } from "@/db/testing";
import { startSmtpSink, type SmtpSink } from "@/dev/smtp-sink/server";
import { backoffSeconds, deliverDueEmails, MAX_ATTEMPTS } from "./deliver";
import { enqueueEmail } from "./outbox";
import { paymentFailedEmail, signInLinkEmail } from "./templates";
import { devMailboxTransport } from "./transports/dev-mailbox";
import { smtpTransport } from "./transports/smtp";
import type { MailTransport } from "./transports/transport";
import { startEmailWorker } from "./worker";

const FROM = '"Dojo" <no-reply@dojo.test>';
const HOUR = 3_600_000;

/** A port nothing listens on: connections are refused at once, like an SMTP server that is down. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

const message = (n: number, extra: { dedupeKey?: string } = {}) => ({
  to: `member${n}@example.test`,
  subject: `Message ${n}`,
  text: `Plain ${n}`,
  html: `<p>Html ${n}</p>`,
  ...extra,
});

describe("backoff", () => {
  it("doubles from 30 s, jitters by a quarter either way, and stops at an hour", () => {
    expect(backoffSeconds(1, () => 0.5)).toBe(30);
    expect(backoffSeconds(2, () => 0.5)).toBe(60);
    expect(backoffSeconds(1, () => 0)).toBe(23);
    expect(backoffSeconds(1, () => 0.999)).toBe(37);
    expect(backoffSeconds(7, () => 0.5)).toBe(1920);
    expect(backoffSeconds(8, () => 0.999)).toBe(3600);
    expect(backoffSeconds(30, () => 0.5)).toBe(3600);
  });
});

describe.each(testDatabases())("email delivery on $kind", (target) => {
  let handle: DbHandle;
  let sink: SmtpSink;
  let sinkTransport: MailTransport;
  let downTransport: MailTransport;

  const rows = () => handle.db.select().from(emailOutbox).orderBy(emailOutbox.id);
  const row = async (id: number) => (await handle.db.select().from(emailOutbox).where(eq(emailOutbox.id, id)))[0];

  beforeAll(async () => {
    handle = await openFreshTestDatabase(target);
    sink = await startSmtpSink();
    sinkTransport = smtpTransport(`smtp://127.0.0.1:${sink.smtpPort}`, FROM);
    // Credentials in the URL, to check they never reach last_error.
    downTransport = smtpTransport(`smtp://mailuser:hunter2@127.0.0.1:${await closedPort()}`, FROM);
  });
  afterAll(async () => {
    await sink.close();
    await handle.close();
  });
  beforeEach(async () => {
    await handle.db.execute(sql`truncate email_outbox`);
    await fetch(`http://127.0.0.1:${sink.httpPort}/messages`, { method: "DELETE" });
  });

  it("delivers each due row once over real SMTP, with both parts and a stable Message-ID", async () => {
    const signIn = signInLinkEmail({ url: "https://dojo.test/signin/verify?token=abc", minutes: 10 });
    const a = await enqueueEmail({ to: "ana@example.test", ...signIn });
    const b = await enqueueEmail({ to: "bo@example.test", ...paymentFailedEmail({ billingUrl: "https://dojo.test/billing" }) });
    const c = await enqueueEmail({ ...message(3), headers: { "List-Unsubscribe": "<https://dojo.test/u/3>" } });

    expect(await deliverDueEmails(sinkTransport)).toEqual({ sent: 3, failed: 0, retried: 0 });
    const got = sink.messages();
    expect(got).toHaveLength(3);

    for (const id of [a.id, b.id, c.id]) {
      const stored = await row(id);
      expect(stored).toMatchObject({ status: "sent", attempts: 1, lockedUntil: null, lastError: null });
      expect(stored?.sentAt).toBeInstanceOf(Date);
      expect(stored?.messageId).toMatch(new RegExp(`^<outbox\\.${id}\\.[0-9a-z]+@dojo\\.test>$`));
      const received = got.filter((m) => m.messageId === stored?.messageId);
      expect(received).toHaveLength(1);
      expect(received[0]).toMatchObject({ from: FROM, to: [stored?.toAddress], subject: stored?.subject });
      expect(received[0]?.text.trim()).toBe(stored?.textBody.trim());
      expect(received[0]?.html.trim()).toBe(stored?.htmlBody.trim());
    }
    const signInMail = got.find((m) => m.to[0] === "ana@example.test");
    expect(signInMail?.subject).toBe("Your sign-in link");
    expect(signInMail?.text).toContain("https://dojo.test/signin/verify?token=abc");
    expect(signInMail?.html).toContain('href="https://dojo.test/signin/verify?token=abc"');
    expect(got.find((m) => m.subject === "Message 3")?.headers["list-unsubscribe"]).toBe("<https://dojo.test/u/3>");

    // A sent row is never picked again, whatever the clock says.
    expect(await deliverDueEmails(sinkTransport)).toEqual({ sent: 0, failed: 0, retried: 0 });
    expect(await deliverDueEmails(sinkTransport, { now: new Date(Date.now() + 1000 * HOUR) })).toEqual({ sent: 0, failed: 0, retried: 0 });
    expect(sink.messages()).toHaveLength(3);
  });

  it("keeps mail through an SMTP outage and delivers it exactly once when the server is back", async () => {
    await enqueueEmail(message(1));
    await enqueueEmail(message(2));

    expect(await deliverDueEmails(downTransport)).toEqual({ sent: 0, failed: 0, retried: 2 });
    for (const r of await rows()) {
      expect(r).toMatchObject({ status: "pending", attempts: 1, lockedUntil: null, sentAt: null });
      expect(r.lastError).toMatch(/ECONNREFUSED/);
      expect(r.lastError).not.toMatch(/hunter2|mailuser/);
    }
    const [wait] = await handle.db
      .select({ min: sql<number>`min(extract(epoch from ${emailOutbox.nextAttemptAt} - now()))::float8`, max: sql<number>`max(extract(epoch from ${emailOutbox.nextAttemptAt} - now()))::float8` })
      .from(emailOutbox);
    expect(Number(wait?.min)).toBeGreaterThan(15);
    expect(Number(wait?.max)).toBeLessThanOrEqual(38);

    // The server is back, but the rows are not due yet.
    expect(await deliverDueEmails(sinkTransport)).toEqual({ sent: 0, failed: 0, retried: 0 });
    expect(sink.messages()).toHaveLength(0);

    const later = new Date(Date.now() + 2 * HOUR);
    expect(await deliverDueEmails(sinkTransport, { now: later })).toEqual({ sent: 2, failed: 0, retried: 0 });
    expect(await deliverDueEmails(sinkTransport, { now: new Date(later.getTime() + HOUR) })).toEqual({ sent: 0, failed: 0, retried: 0 });
    expect(sink.messages().map((m) => m.subject).sort()).toEqual(["Message 1", "Message 2"]);
    for (const r of await rows()) expect(r).toMatchObject({ status: "sent", attempts: 2, lastError: null });
  });

  it("retries a row left in 'sending' once its lease has expired, and leaves a live lease alone", async () => {
    const crashed = await enqueueEmail(message(1));
    const busy = await enqueueEmail(message(2));
    await handle.db.execute(
      sql`update email_outbox set status = 'sending', attempts = 1, locked_until = now() - interval '1 minute' where id = ${crashed.id}`,
    );
    await handle.db.execute(
      sql`update email_outbox set status = 'sending', attempts = 1, locked_until = now() + interval '5 minutes' where id = ${busy.id}`,
    );

    expect(await deliverDueEmails(sinkTransport)).toEqual({ sent: 1, failed: 0, retried: 0 });
    expect(await row(crashed.id)).toMatchObject({ status: "sent", attempts: 2 });
    expect(await row(busy.id)).toMatchObject({ status: "sending", attempts: 1, sentAt: null });
    expect(sink.messages().map((m) => m.subject)).toEqual(["Message 1"]);
  });

  it("does not overwrite a row another worker took over after this one's lease ran out", async () => {
    const { id } = await enqueueEmail(message(1));
    const slow: MailTransport = {
      from: FROM,
      async send() {
        // Meanwhile the lease expired and another instance claimed the row (its attempt number moved on).
        await handle.db.execute(sql`update email_outbox set attempts = attempts + 1, locked_until = now() + interval '2 minutes' where id = ${id}`);
      },
    };
    await deliverDueEmails(slow);
    expect(await row(id)).toMatchObject({ status: "sending", attempts: 2, messageId: null, sentAt: null });
  });

  it(`gives up after ${MAX_ATTEMPTS} attempts and never sends a failed row`, async () => {
    const { id } = await enqueueEmail(message(1));
    const start = Date.now();
    for (let i = 1; i <= MAX_ATTEMPTS; i++) {
      const r = await deliverDueEmails(downTransport, { now: new Date(start + i * 2 * HOUR) });
      expect(r).toEqual(i < MAX_ATTEMPTS ? { sent: 0, failed: 0, retried: 1 } : { sent: 0, failed: 1, retried: 0 });
    }
    expect(await row(id)).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS, lockedUntil: null });
    expect((await row(id))?.lastError).toMatch(/ECONNREFUSED/);
    expect(await deliverDueEmails(sinkTransport, { now: new Date(start + 100 * HOUR) })).toEqual({ sent: 0, failed: 0, retried: 0 });

    // A worker that died during the final attempt: no ninth try.
    const stuck = await enqueueEmail(message(2));
    await handle.db.execute(
      sql`update email_outbox set status = 'sending', attempts = ${MAX_ATTEMPTS}, locked_until = now() - interval '1 minute' where id = ${stuck.id}`,
    );
    expect(await deliverDueEmails(sinkTransport)).toEqual({ sent: 0, failed: 0, retried: 0 });
    expect(await row(stuck.id)).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS });
    expect(sink.messages()).toHaveLength(0);
  });

  it("never sends a row twice when workers run concurrently", async () => {
    const total = 60;
    for (let i = 1; i <= total; i++) await enqueueEmail(message(i));
    const worker = async () => {
      let sent = 0;
      for (;;) {
        const r = await deliverDueEmails(sinkTransport, { batchSize: 4 });
        if (r.sent === 0) return sent;
        sent += r.sent;
      }
    };
    const counts = await Promise.all([worker(), worker(), worker()]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(total);
    const got = sink.messages();
    expect(got).toHaveLength(total);
    expect(new Set(got.map((m) => m.messageId)).size).toBe(total);
    expect(new Set(got.map((m) => m.subject)).size).toBe(total);
    expect((await rows()).every((r) => r.status === "sent" && r.attempts === 1)).toBe(true);
  });

  it("sends a claimed batch in parallel over a pool, each row once and recorded as it goes", async () => {
    const pooled = smtpTransport(`smtp://127.0.0.1:${sink.smtpPort}`, FROM, { pool: true, maxConnections: 4 });
    try {
      const total = 40;
      for (let i = 1; i <= total; i++) await enqueueEmail(message(i));
      let inFlight = 0;
      let most = 0;
      const counting: MailTransport = {
        from: FROM,
        concurrency: pooled.concurrency,
        async send(msg) {
          most = Math.max(most, ++inFlight);
          try {
            await pooled.send(msg);
          } finally {
            inFlight--;
          }
        },
      };
      expect(await deliverDueEmails(counting, { batchSize: total })).toEqual({ sent: total, failed: 0, retried: 0 });
      expect(most).toBe(4);
      const got = sink.messages();
      expect(new Set(got.map((m) => m.subject)).size).toBe(total);
      expect(got).toHaveLength(total);
      expect((await rows()).every((r) => r.status === "sent" && r.attempts === 1)).toBe(true);
    } finally {
      pooled.close?.();
    }
  });

  it("a pool with the server down retries every row later, revealing no credentials", async () => {
    const pooledDown = smtpTransport(`smtp://mailuser:hunter2@127.0.0.1:${await closedPort()}`, FROM, { pool: true, maxConnections: 3 });
    try {
      for (let i = 1; i <= 5; i++) await enqueueEmail(message(i));
      expect(await deliverDueEmails(pooledDown)).toEqual({ sent: 0, failed: 0, retried: 5 });
      for (const r of await rows()) {
        expect(r).toMatchObject({ status: "pending", attempts: 1 });
        expect(r.lastError).toMatch(/ECONNREFUSED/);
        expect(r.lastError).not.toMatch(/hunter2|mailuser/);
      }
    } finally {
      pooledDown.close?.();
    }
  });

  it("records dev-mailbox delivery without sending anything", async () => {
    const send = vi.fn(devMailboxTransport(FROM).send);
    const { id } = await enqueueEmail(message(1));
    expect(await deliverDueEmails({ ...devMailboxTransport(FROM), send })).toEqual({ sent: 1, failed: 0, retried: 0 });
    expect(send).toHaveBeenCalledOnce();
    expect(await row(id)).toMatchObject({ status: "sent", messageId: "dev-mailbox" });
    expect(sink.messages()).toHaveLength(0);
  });

  // lib/email/worker.ts: the loop around deliverDueEmails, on the same database and sink.
  it("runs as a background loop that survives failures and stops cleanly", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const warnings = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      const failing: MailTransport = { from: FROM, send: () => Promise.reject(new Error("boom")) };
      await enqueueEmail(message(1));
      const stopFailing = startEmailWorker({ intervalMs: 10, transport: failing });
      await vi.waitFor(async () => expect((await rows())[0]?.attempts).toBe(1));
      await stopFailing();
      expect((await rows())[0]).toMatchObject({ status: "pending", lastError: "boom" });

      await handle.db.execute(sql`update email_outbox set next_attempt_at = now()`);
      const stop = startEmailWorker({ intervalMs: 10, transport: sinkTransport });
      await vi.waitFor(() => expect(sink.messages()).toHaveLength(1), { timeout: 5000 });
      await enqueueEmail(message(2));
      await vi.waitFor(() => expect(sink.messages()).toHaveLength(2), { timeout: 5000 });
      await stop();
      await enqueueEmail(message(3));
      await new Promise((r) => setTimeout(r, 100));
      expect(sink.messages()).toHaveLength(2);
    } finally {
      errors.mockRestore();
      warnings.mockRestore();
    }
  });
});
