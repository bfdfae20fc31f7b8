// What a crash or a lost database does to people's money, words and letters.
// The server is SIGKILLed (no shutdown of any kind) while Stripe is telling it
// about a payment, while a member sends a check-in, and in the middle of a
// newsletter; then started again. On PostgreSQL the database also drops every
// connection the app has while requests are inside it.
//
// Where the engine allows, "during" is made exact: the test holds a lock on the
// table the request needs, waits until the app's query is blocked on it, and
// only then kills. PGlite has no second session to lock from, so there the kill
// comes the moment the request is on the wire.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { checkinFields, sentCheckinId, submissionOf } from "./harness/checkins";
import { addReaders, perReader, receivedLetters, sendIssueNow, untilIssueSent } from "./harness/newsletter";
import { actionNamed } from "./harness/routes";
import { until } from "./harness/wait";
import { enginesToTest, type Stack } from "./harness/stack";
import { payForMembership, stripeOf } from "./harness/stripe";
import { stackWithWorld } from "./harness/world";

const RECIPIENTS = 300;
/** The worker's parallel sends (EMAIL_SMTP_CONNECTIONS): after a crash, at most these go out twice. */
const IN_FLIGHT = 4;
const LEASE_SECONDS = 2;

/**
 * Kills the server while a request to it is inside the database: on PostgreSQL,
 * once `blocked` app queries wait on the lock held on `lockTables`; on PGlite,
 * as soon as `send` has been called.
 */
async function crashDuring(stack: Stack, lockTables: string[], send: () => Promise<unknown>): Promise<void> {
  if (stack.engine === "postgres") {
    const lock = await stack.db.holdLock(lockTables);
    const sent = send().catch(() => undefined);
    await until("the request to reach the locked table", async () => (await lock.waiting()) >= 1, 20_000);
    await stack.crash();
    await lock.release();
    await sent;
  } else {
    const sent = send().catch(() => undefined);
    await new Promise((r) => setTimeout(r, 20));
    await stack.crash();
    await sent;
  }
}

describe.each(enginesToTest())("faults from outside on %s", (engine) => {
  const ctx = stackWithWorld(engine, {
    spares: 1,
    env: { EMAIL_LEASE_SECONDS: String(LEASE_SECONDS), EMAIL_SMTP_CONNECTIONS: String(IN_FLIGHT), NEWSLETTER_SEND_RATE: "150" },
    // An audience for the newsletter that is cut short by the crash.
    more: (db) => addReaders(db, RECIPIENTS, "reader"),
  });

  const rows = <T>(query: ReturnType<typeof sql>) => ctx.stack.withServersStopped((db) => db.rows<T>(query));
  const sentCheckins = async (userId: string) =>
    Number((await rows<{ n: number | string }>(sql`select count(*) as n from checkins where user_id = ${userId} and status <> 'draft'`))[0]?.n ?? 0);

  it("a server killed while Stripe tells it about a payment converges when Stripe retries", async () => {
    const spare = ctx.world.spares[0];
    if (!spare) throw new Error("no spare member");
    const stripe = stripeOf(ctx.stack);
    const handled = new Set(["checkout.session.completed", "customer.subscription.created", "invoice.paid"]);
    let crashed: Promise<void> | undefined;
    let killedUnder: Stripe.Event | undefined;
    if (engine === "postgres") {
      // The first delivery after payment blocks on the event ledger; the server dies with it inside.
      const lock = await ctx.stack.db.holdLock(["stripe_events"]);
      ctx.stack.webhooks.onInFlight = (event) => {
        if (crashed || !handled.has(event.type)) return;
        killedUnder = event;
        crashed = (async () => {
          await until("the webhook to reach the ledger", async () => (await lock.waiting()) >= 1, 20_000);
          await ctx.stack.crash();
          await lock.release();
        })();
      };
    } else {
      ctx.stack.webhooks.onInFlight = (event) => {
        if (crashed || !handled.has(event.type)) return;
        killedUnder = event;
        crashed = ctx.stack.crash();
      };
    }
    const sessionId = await payForMembership(ctx.world.browserOf(spare, ctx.stack.url));
    await until("the crash", async () => crashed !== undefined);
    await crashed;
    ctx.stack.webhooks.onInFlight = null;
    await ctx.stack.restart();

    const subscriptionId = String((await stripe.checkout.sessions.retrieve(sessionId)).subscription);
    // Stripe saw the killed delivery fail, retried it, and every event of the payment got a 200 in the end.
    await until(
      "every event of the payment to be acknowledged",
      async () => [...handled].every((type) => ctx.stack.webhooks.log.some((l) => l.type === type && l.status === 200)),
    );
    expect(ctx.stack.webhooks.log.find((l) => l.id === killedUnder?.id)?.status, "the delivery the server died under failed").toBe(0);
    const [sub] = await rows<{ status: string; user_id: string }>(sql`select status, user_id from subscriptions where id = ${subscriptionId}`);
    expect(sub).toEqual({ status: "trialing", user_id: spare.id });
    const ledger = await rows<{ id: string }>(sql`select id from stripe_events where id in (${sql.join(
      ctx.stack.webhooks.log.filter((l) => handled.has(l.type)).map((l) => sql`${l.id}`),
      sql`, `,
    )})`);
    expect(new Set(ledger.map((r) => r.id)).size).toBe(ledger.length);
    expect(ledger.length).toBeGreaterThanOrEqual(3);
    // And the member, who paid while the server was down, is in.
    expect((await ctx.world.browserOf(spare, ctx.stack.url).get("/dojo")).status).toBe(200);
  });

  it("a server killed while a check-in is sent keeps it once, never twice, when the form is sent again", async () => {
    const submit = actionNamed("submitCheckinAction");
    const member = ctx.world.browser("memberB", ctx.stack.url);
    const page = await member.get("/dojo/check-ins/new");
    const submission = submissionOf(page.text) ?? "";
    const words = `Written just before the server died ${randomUUID()}`;
    const before = await sentCheckins(ctx.world.people.memberB.id);
    const fields = checkinFields(submission, words);
    await crashDuring(ctx.stack, ["checkins"], () => member.action("/dojo/check-ins/new", submit.id, fields));
    await ctx.stack.restart();
    // The member's device still has the text (device drafts) and sends the same form again.
    const again = await member.action("/dojo/check-ins/new", submit.id, fields);
    expect(again.status).toBeLessThan(400);
    expect(await sentCheckins(ctx.world.people.memberB.id)).toBe(before + 1);
    // The answer sends the member to the stored check-in, readable as written.
    expect(sentCheckinId(again.redirect), again.redirect ?? "no redirect").toBeDefined();
    expect((await member.get(again.redirect ?? "")).text).toContain(words);
  });

  it("a server killed halfway through a newsletter finishes it after restart with at most the in-flight emails sent twice", async () => {
    const coach = ctx.world.browser("admin", ctx.stack.url);
    const subject = `Letters after a crash ${randomUUID().slice(0, 8)}`;
    const send = await sendIssueNow(coach, ctx.world.issueId, subject, "A short letter about replying briefly and kindly.");
    expect(send.status, send.text.slice(0, 300)).toBeLessThan(400);
    const received = async () => (await receivedLetters(ctx.stack.sinkUrl)).filter((m) => m.subject === subject);
    await until("a third of the letters to go out", async () => (await received()).length >= RECIPIENTS / 3);
    await ctx.stack.crash();
    const atCrash = (await received()).length;
    expect(atCrash, "the crash came before the end of the send").toBeLessThan(RECIPIENTS);
    await ctx.stack.restart();

    await untilIssueSent(coach, ctx.world.issueId, 90_000);
    const counts = perReader(await received());
    const readers = [...counts.keys()];
    expect(readers).toHaveLength(RECIPIENTS);
    const twice = [...counts.values()].filter((n) => n > 1);
    expect(twice.every((n) => n === 2)).toBe(true);
    expect(twice.length).toBeLessThanOrEqual(IN_FLIGHT);
  });

  it.runIf(engine === "postgres")(
    "cut database connections mid-request: 503 with Retry-After, one log line each, and the next request works without a restart",
    async () => {
      const member = ctx.world.browser("memberA", ctx.stack.url);
      const submit = actionNamed("submitCheckinAction");
      const page = await member.get("/dojo/check-ins/new");
      const submission = submissionOf(page.text) ?? "";
      const words = `Sent as the database went away ${randomUUID()}`;
      const fields = checkinFields(submission, words, 2);
      const before = await sentCheckins(ctx.world.people.memberA.id);
      const logged: string[] = [];
      const server = ctx.stack.instances[0]?.proc.child;
      const keep = (chunk: Buffer) => logged.push(...chunk.toString("utf8").split("\n").filter(Boolean));
      server?.stdout?.on("data", keep);
      server?.stderr?.on("data", keep);

      const lock = await ctx.stack.db.holdLock(["checkins"]);
      const exported = member.get("/dojo/check-ins/export");
      const sent = member.action("/dojo/check-ins/new", submit.id, fields);
      await until("both requests to wait inside the database", async () => (await lock.waiting()) >= 2, 20_000);
      expect(await ctx.stack.db.terminateAppConnections()).toBeGreaterThanOrEqual(2);
      await lock.release();

      const route = await exported;
      expect(route.status).toBe(503);
      expect(Number(route.headers.get("retry-after"))).toBeGreaterThan(0);
      expect((JSON.parse(route.text) as { error: string }).error).toMatch(/try again in a few seconds/);
      const action = (await sent).result as { ok: boolean; error: string; retryAfter: number; values: Record<string, string> };
      expect(action).toMatchObject({ ok: false, retryAfter: 5 });
      expect(action.error).toMatch(/nothing was changed/);
      expect(action.values.happened, "the form gets the text back").toBe(words);

      server?.stdout?.off("data", keep);
      server?.stderr?.off("data", keep);
      // One JSON line per request, naming where, with the request's id, and nothing else about either request.
      // (The driver's code depends on where the cut found the connection: 57P01, CONNECTION_CLOSED, ECONNRESET.)
      const events = logged.map((l) => {
        try {
          return JSON.parse(l) as Record<string, unknown>;
        } catch {
          return undefined;
        }
      });
      const unavailable = events.filter((e) => e?.msg === "database unavailable");
      expect(unavailable.map((e) => e?.where).sort()).toEqual(["GET /dojo/check-ins/export", "server action, dojo"]);
      for (const e of unavailable) expect(e).toMatchObject({ level: "error", retryAfterSeconds: 5, code: expect.stringMatching(/^[0-9A-Z_]+$/), requestId: expect.any(String) });
      expect(new Set(unavailable.map((e) => e?.requestId)).size).toBe(2);
      expect(logged.join("\n")).not.toContain(words);

      // No restart: the same server answers the same requests now.
      expect((await member.get("/dojo/check-ins/export")).status).toBe(200);
      const retried = await member.action("/dojo/check-ins/new", submit.id, fields);
      expect((retried.result as { ok?: boolean } | undefined)?.ok ?? retried.status < 400).toBe(true);
      expect(await sentCheckins(ctx.world.people.memberA.id)).toBe(before + 1);
    },
  );
});
