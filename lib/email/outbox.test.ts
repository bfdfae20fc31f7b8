import { count, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { emailOutbox } from "@/db/schema";
import { openFreshTestDatabase, testDatabases } from "@/db/testing";
import { enqueueEmail, purgeOldEmails } from "./outbox";

const message = { to: "member@example.test", subject: "A note about your account", text: "Hello", html: "<p>Hello</p>" };

describe.each(testDatabases())("email outbox on $kind", (target) => {
  let handle: DbHandle;
  const rows = () => handle.db.select().from(emailOutbox).orderBy(emailOutbox.id);
  beforeAll(async () => {
    handle = await openFreshTestDatabase(target);
  });
  afterAll(() => handle.close());
  beforeEach(async () => {
    await handle.db.execute(sql`truncate email_outbox`);
  });

  it("stores a pending row with the message as given", async () => {
    const r = await enqueueEmail({ ...message, headers: { "List-Unsubscribe": "<https://example.test/u>" } });
    expect(r.created).toBe(true);
    const [row] = await rows();
    expect(row).toMatchObject({
      id: r.id,
      toAddress: message.to,
      subject: message.subject,
      textBody: "Hello",
      htmlBody: "<p>Hello</p>",
      headers: { "List-Unsubscribe": "<https://example.test/u>" },
      status: "pending",
      attempts: 0,
      sentAt: null,
    });
  });

  it("enqueues once per dedupe key: the second call returns the first row", async () => {
    const first = await enqueueEmail({ ...message, dedupeKey: "stripe:evt_1" });
    const second = await enqueueEmail({ ...message, subject: "Different", dedupeKey: "stripe:evt_1" });
    expect(first.created).toBe(true);
    expect(second).toEqual({ id: first.id, created: false });
    const all = await rows();
    expect(all).toHaveLength(1);
    expect(all[0]?.subject).toBe(message.subject);
    // No key, no de-duplication.
    await enqueueEmail(message);
    await enqueueEmail(message);
    expect(await rows()).toHaveLength(3);
  });

  it("joins the caller's transaction: rolled back with it, committed with it", async () => {
    await expect(
      handle.db.transaction(async (tx) => {
        await enqueueEmail({ ...message, dedupeKey: "rolled-back" }, tx);
        throw new Error("the effect failed");
      }),
    ).rejects.toThrow("the effect failed");
    expect(await rows()).toHaveLength(0);

    await handle.db.transaction(async (tx) => {
      const r = await enqueueEmail({ ...message, dedupeKey: "kept" }, tx);
      expect(r.created).toBe(true);
      expect(await enqueueEmail({ ...message, dedupeKey: "kept" }, tx)).toEqual({ id: r.id, created: false });
    });
    expect(await rows()).toHaveLength(1);
  });

  it("refuses messages that could add recipients or headers, and headers the mailer owns", async () => {
    await expect(enqueueEmail({ ...message, to: "a@example.test, b@example.test" })).rejects.toThrow();
    await expect(enqueueEmail({ ...message, to: "a@example.test\r\nBcc: b@example.test" })).rejects.toThrow();
    await expect(enqueueEmail({ ...message, subject: "Hi\r\nBcc: b@example.test" })).rejects.toThrow();
    await expect(enqueueEmail({ ...message, headers: { From: "someone@else.test" } })).rejects.toThrow();
    await expect(enqueueEmail({ ...message, headers: { "Message-ID": "<x@y>" } })).rejects.toThrow();
    await expect(enqueueEmail({ ...message, headers: { "X-Ok": "a\nb" } })).rejects.toThrow();
    expect(await rows()).toHaveLength(0);
  });

  it("purges old sent and failed rows, never pending ones", async () => {
    const sent = await enqueueEmail(message);
    const failed = await enqueueEmail(message);
    await enqueueEmail(message);
    await handle.db.execute(sql`update email_outbox set created_at = now() - interval '31 days'`);
    await handle.db.execute(sql`update email_outbox set status = 'sent' where id = ${sent.id}`);
    await handle.db.execute(sql`update email_outbox set status = 'failed' where id = ${failed.id}`);
    await enqueueEmail(message); // recent
    expect(await purgeOldEmails(30)).toBe(2);
    const [left] = await handle.db.select({ n: count() }).from(emailOutbox);
    expect(left?.n).toBe(2);
  });
});
