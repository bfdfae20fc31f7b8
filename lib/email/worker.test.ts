import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { DbHandle } from "@/db/client";
import { emailOutbox } from "@/db/schema";
import { openFreshTestDatabase, testDatabases } from "@/db/testing";
import { startSmtpSink, type SmtpSink } from "@/dev/smtp-sink/server";
import { enqueueEmail } from "./outbox";
import { smtpTransport } from "./transports/smtp";
import type { MailTransport } from "./transports/transport";
import { startEmailWorker } from "./worker";

const FROM = '"Dojo" <no-reply@dojo.test>';
const message = (n: number) => ({ to: `member${n}@example.test`, subject: `Message ${n}`, text: `Plain ${n}`, html: `<p>Html ${n}</p>` });

describe.each(testDatabases())("the email worker on $kind", (target) => {
  let handle: DbHandle;
  let sink: SmtpSink;
  let sinkTransport: MailTransport;

  const rows = () => handle.db.select().from(emailOutbox).orderBy(emailOutbox.id);

  beforeAll(async () => {
    handle = await openFreshTestDatabase(target);
    sink = await startSmtpSink();
    sinkTransport = smtpTransport(`smtp://127.0.0.1:${sink.smtpPort}`, FROM);
  });
  afterAll(async () => {
    await sink.close();
    await handle.close();
  });
  beforeEach(async () => {
    await handle.db.execute(sql`truncate email_outbox`);
    await fetch(`http://127.0.0.1:${sink.httpPort}/messages`, { method: "DELETE" });
  });

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
