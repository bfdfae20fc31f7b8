import { createTransport } from "nodemailer";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startSmtpSink, type SinkMessage, type SmtpSink } from "./server";

describe("SMTP sink", () => {
  let sink: SmtpSink;
  const api = (path: string, init?: RequestInit) => fetch(`http://127.0.0.1:${sink.httpPort}${path}`, init);

  beforeAll(async () => {
    sink = await startSmtpSink();
  });
  afterAll(() => sink.close());
  beforeEach(async () => {
    await api("/messages", { method: "DELETE" });
  });

  it("accepts mail over real SMTP and lists it per recipient, newest last", async () => {
    const mailer = createTransport(`smtp://127.0.0.1:${sink.smtpPort}`);
    await mailer.sendMail({
      from: '"Dojo" <no-reply@example.test>',
      to: "Ana@Example.test",
      subject: "Première note",
      text: "hello",
      html: "<p>hello</p>",
      messageId: "<one@example.test>",
      headers: { "List-Unsubscribe": "<https://example.test/u?t=1>" },
    });
    await mailer.sendMail({ from: "no-reply@example.test", to: "bo@example.test", subject: "Second", text: "plain only" });
    await mailer.sendMail({ from: "no-reply@example.test", to: "ana@example.test", subject: "Third", text: "again" });

    const all = (await (await api("/messages")).json()) as SinkMessage[];
    expect(all.map((m) => m.subject)).toEqual(["Première note", "Second", "Third"]);

    const res = await api("/messages?to=ana@example.test");
    expect(res.headers.get("content-type")).toBe("application/json");
    const forAna = (await res.json()) as SinkMessage[];
    expect(forAna.map((m) => m.subject)).toEqual(["Première note", "Third"]);
    const first = forAna[0];
    expect(first).toMatchObject({
      from: '"Dojo" <no-reply@example.test>',
      to: ["Ana@example.test"], // nodemailer lower-cases the domain; the sink matches addresses case-insensitively
      text: "hello",
      html: "<p>hello</p>",
      messageId: "<one@example.test>",
    });
    expect(first?.headers["list-unsubscribe"]).toBe("<https://example.test/u?t=1>");
    expect(first?.headers["subject"]).toBe("Première note");
    expect(Date.parse(first?.receivedAt ?? "")).not.toBeNaN();
    expect(all[1]?.html).toBe("");
  });

  it("accepts any credentials, so a production-shaped URL works against it", async () => {
    const mailer = createTransport(`smtp://someone:secret@127.0.0.1:${sink.smtpPort}`);
    await mailer.sendMail({ from: "a@example.test", to: "b@example.test", subject: "With auth", text: "x" });
    expect(sink.messages().map((m) => m.subject)).toEqual(["With auth"]);
  });

  it("clears on DELETE and refuses anything else", async () => {
    const mailer = createTransport(`smtp://127.0.0.1:${sink.smtpPort}`);
    await mailer.sendMail({ from: "a@example.test", to: "b@example.test", subject: "x", text: "x" });
    expect(sink.messages()).toHaveLength(1);
    expect((await api("/messages", { method: "DELETE" })).status).toBe(204);
    expect(await (await api("/messages")).json()).toEqual([]);
    expect((await api("/nope")).status).toBe(404);
    expect((await api("/messages", { method: "POST" })).status).toBe(405);
  });

  it("keeps the newest messages up to its limit and lists them in summary for counting", async () => {
    const small = await startSmtpSink({ keep: 2 });
    try {
      const mailer = createTransport(`smtp://127.0.0.1:${small.smtpPort}`);
      for (const n of [1, 2, 3]) await mailer.sendMail({ from: "no-reply@example.test", to: `r${n}@example.test`, subject: `Letter ${n}`, text: "long body" });
      const list = (await (await fetch(`http://127.0.0.1:${small.httpPort}/messages?summary=1`)).json()) as Record<string, unknown>[];
      expect(list.map((m) => m.subject)).toEqual(["Letter 2", "Letter 3"]);
      expect(Object.keys(list[0] ?? {}).sort()).toEqual(["id", "messageId", "subject", "to"]);
    } finally {
      await small.close();
    }
  });
});
