// Races an outsider (or an impatient thumb) can start: one sign-in link opened
// on twenty devices at once, the same check-in sent many times at once, two
// coaches answering one check-in together; and Stripe as it really behaves:
// one event delivered many times at once, a subscription's events in every
// order, and signatures that are wrong in each of the ways stripe-node checks.
import { sql } from "drizzle-orm";
import Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { changedTables } from "./harness/database";
import { Browser } from "./harness/http";
import { deliverEvent, heldEvents, payForMembership, stripeOf } from "./harness/stripe";
import { checkinFields, submissionOf } from "./harness/checkins";
import { actionNamed } from "./harness/routes";
import { enginesToTest, outsideSecrets } from "./harness/stack";
import { signInLink } from "./harness/wait";
import { SESSION_COOKIE, stackWithWorld } from "./harness/world";

/** Every ordering of `items` (4 items: 24). */
function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((first, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [first, ...rest]));
}

const ORDERED_TYPES = ["checkout.session.completed", "customer.subscription.created", "invoice.paid", "customer.subscription.updated"] as const;

describe.each(enginesToTest())("concurrency from outside on %s", (engine) => {
  // One spare per event ordering, one for the event delivered ten times at once.
  const ctx = stackWithWorld(engine, { spares: permutations([...ORDERED_TYPES]).length + 1 });

  const count = (query: ReturnType<typeof sql>) =>
    ctx.stack.withServersStopped(async (db) => Number((await db.rows<{ n: number | string }>(query))[0]?.n ?? 0));

  it("one sign-in link redeemed on twenty devices at once signs in one of them", async () => {
    const email = `twenty-devices-${Date.now()}@outside.example`;
    const asked = await new Browser(ctx.stack.url).postJson("/api/auth/email-link", { email, callbackUrl: "/dojo" });
    expect(asked.status).toBe(202);
    const link = await signInLink(ctx.stack.sinkUrl, email);
    // What the page's "Sign in" button posts, from twenty browsers that share nothing.
    const devices = Array.from({ length: 20 }, () => new Browser(ctx.stack.url));
    const answers = await Promise.all(devices.map((d) => d.request(`/api/auth/callback/nodemailer${link.search}`, { method: "POST" })));
    for (const a of answers) expect(a.status, a.text.slice(0, 200)).toBeLessThan(400);
    const signedIn = devices.filter((d) => d.cookie(SESSION_COOKIE) !== undefined);
    expect(signedIn).toHaveLength(1);
    for (const a of answers.filter((_, i) => devices[i] !== signedIn[0])) expect(a.redirect).toMatch(/\/signin\/error/);
    expect(await count(sql`select count(*) as n from users where email = ${email}`)).toBe(1);
    expect(await count(sql`select count(*) as n from sessions s join users u on u.id = s.user_id where u.email = ${email}`)).toBe(1);
    // And the one session is real: it opens the member's account page.
    expect((await signedIn[0]?.get("/account"))?.status).toBe(200);
  });

  it("ten sends of one check-in form at once store one check-in", async () => {
    const submit = actionNamed("submitCheckinAction");
    const form = ctx.world.browser("memberB", ctx.stack.url);
    // The form as the page rendered it: the same hidden fields in every copy of the request.
    const page = await form.get("/dojo/check-ins/new");
    const submission = submissionOf(page.text);
    expect(submission, "the new check-in form carries its submission id").toBeDefined();
    const fields = checkinFields(submission ?? "", "Sent twice by a double tap", 4);
    const answers = await Promise.all(Array.from({ length: 10 }, () => form.action("/dojo/check-ins/new", submit.id, fields)));
    for (const a of answers) expect(a.status, a.text.slice(0, 200)).toBeLessThan(400);
    expect(await count(sql`select count(*) as n from checkins where user_id = ${ctx.world.people.memberB.id} and status <> 'draft'`)).toBe(1);
  });

  it("two coaches answering one check-in at the same moment leave one reply", async () => {
    const reply = actionNamed("replyAction");
    const page = `/coach/check-ins/${ctx.world.a.checkinId}`;
    const answers = await Promise.all(
      (["coach", "admin"] as const).flatMap((role) =>
        Array.from({ length: 3 }, (_, i) => ctx.world.browser(role, ctx.stack.url).action(page, reply.id, { checkinId: ctx.world.a.checkinId, body: `Answer ${i} from the ${role}` })),
      ),
    );
    const accepted = answers.filter((a) => (a.result as { ok?: boolean } | undefined)?.ok === true);
    expect(accepted).toHaveLength(1);
    for (const a of answers.filter((x) => x !== accepted[0])) expect((a.result as { error?: string }).error).toMatch(/already|another coach|answered/i);
    expect(await count(sql`select count(*) as n from checkin_replies where checkin_id = ${ctx.world.a.checkinId}`)).toBe(1);
  });

  it("a webhook whose signature is wrong in any of stripe-node's ways is refused with 400 and writes nothing", async () => {
    const stripe = new Stripe(outsideSecrets.stripeKey);
    const event = {
      id: "evt_outside_forged",
      object: "event",
      type: "customer.subscription.updated",
      created: Math.floor(Date.now() / 1000),
      data: { object: { id: "sub_outside_forged", object: "subscription", status: "active", customer: "cus_forged" } },
    };
    const body = JSON.stringify(event);
    const sign = (payload: string, opts: { secret?: string; timestamp?: number; scheme?: string } = {}) =>
      stripe.webhooks.generateTestHeaderString({ payload, secret: opts.secret ?? outsideSecrets.webhook, timestamp: opts.timestamp, scheme: opts.scheme });
    const anHourAgo = Math.floor(Date.now() / 1000) - 3600;
    const forged: [string, string, Record<string, string>][] = [
      ["no Stripe-Signature header", body, {}],
      ["no v1 signature (another scheme only)", body, { "stripe-signature": sign(body, { scheme: "v0" }) }],
      ["signed with another secret", body, { "stripe-signature": sign(body, { secret: "whsec_not_the_one" }) }],
      ["a body changed after signing", body.replace("active", "canceled"), { "stripe-signature": sign(body) }],
      ["a timestamp outside the tolerance", body, { "stripe-signature": sign(body, { timestamp: anHourAgo }) }],
      ["a header that is not a signature at all", body, { "stripe-signature": "garbage" }],
    ];
    const before = await ctx.stack.withServersStopped((db) => db.snapshot());
    const wrong: string[] = [];
    for (const [why, payload, headers] of forged) {
      const res = await fetch(`${ctx.stack.url}/api/stripe/webhook`, { method: "POST", body: payload, headers: { "content-type": "application/json", ...headers } });
      if (res.status !== 400) wrong.push(`${why}: ${res.status}`);
    }
    expect(wrong).toEqual([]);
    // The control: the same header machinery with the right secret is accepted (an unhandled type is acknowledged).
    const ignored = JSON.stringify({ ...event, id: "evt_outside_control", type: "customer.created", data: { object: { id: "cus_x", object: "customer" } } });
    const control = await fetch(`${ctx.stack.url}/api/stripe/webhook`, { method: "POST", body: ignored, headers: { "content-type": "application/json", "stripe-signature": sign(ignored) } });
    expect(control.status).toBe(200);
    const after = await ctx.stack.withServersStopped((db) => db.snapshot());
    expect(changedTables(before, after)).toEqual([]);
  });

  it("one Stripe event delivered ten times at once takes effect once", async () => {
    const spare = ctx.world.spares.at(-1);
    if (!spare) throw new Error("no spare member");
    const stripe = stripeOf(ctx.stack);
    ctx.stack.webhooks.mode = "hold";
    try {
      const sessionId = await payForMembership(ctx.world.browserOf(spare, ctx.stack.url));
      const subscriptionId = String((await stripe.checkout.sessions.retrieve(sessionId)).subscription);
      const [paid] = await heldEvents(ctx.stack, [(e) => e.type === "checkout.session.completed" && (e.data.object as { id: string }).id === sessionId]);
      const answers = await Promise.all(Array.from({ length: 10 }, () => deliverEvent(ctx.stack.url, paid ?? "")));
      expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200));
      expect(answers.filter((a) => !a.body.duplicate)).toHaveLength(1);
      // A renewal that fails, delivered ten times at once: the member is emailed once.
      await fetch(`${ctx.stack.stripeUrl}/_emulator/subscriptions/${subscriptionId}/advance`, { method: "POST", body: "outcome=failed", headers: { "content-type": "application/x-www-form-urlencoded" } });
      const [failed] = await heldEvents(ctx.stack, [(e) => e.type === "invoice.payment_failed" && JSON.stringify(e.data.object).includes(subscriptionId)]);
      const again = await Promise.all(Array.from({ length: 10 }, () => deliverEvent(ctx.stack.url, failed ?? "")));
      expect(again.map((a) => a.status)).toEqual(Array(10).fill(200));
      expect(again.filter((a) => !a.body.duplicate)).toHaveLength(1);
    } finally {
      ctx.stack.webhooks.mode = "pass";
    }
    expect(await count(sql`select count(*) as n from subscriptions where user_id = ${spare.id}`)).toBe(1);
    expect(await count(sql`select count(*) as n from email_outbox where user_id = ${spare.id} and dedupe_key like 'payment-failed:%'`)).toBe(1);
  });

  it("a subscription's four events in all 24 orders end in the same state", async () => {
    const stripe = stripeOf(ctx.stack);
    const orders = permutations([0, 1, 2, 3]);
    ctx.stack.webhooks.mode = "hold";
    const runs: { memberId: string; subscriptionId: string; bodies: string[] }[] = [];
    try {
      // Each ordering gets its own member and subscription, made by really paying at Checkout.
      for (const [i] of orders.entries()) {
        const member = ctx.world.spares[i];
        if (!member) throw new Error("not enough spare members");
        const sessionId = await payForMembership(ctx.world.browserOf(member, ctx.stack.url));
        const subscriptionId = String((await stripe.checkout.sessions.retrieve(sessionId)).subscription);
        // What a member does in the Customer Portal: cancel at the end of the period.
        await stripe.subscriptions.update(subscriptionId, { cancel_at_period_end: true });
        const ofThis = (e: Stripe.Event) => JSON.stringify(e.data.object).includes(subscriptionId) || (e.data.object as { id?: string }).id === sessionId;
        const bodies = await heldEvents(
          ctx.stack,
          ORDERED_TYPES.map((type) => (e: Stripe.Event) => e.type === type && ofThis(e)),
        );
        runs.push({ memberId: member.id, subscriptionId, bodies });
      }
    } finally {
      ctx.stack.webhooks.mode = "pass";
    }
    for (const [i, order] of orders.entries()) {
      const run = runs[i];
      if (!run) continue;
      for (const k of order) expect((await deliverEvent(ctx.stack.url, run.bodies[k] ?? "")).status).toBe(200);
    }
    const states = await ctx.stack.withServersStopped((db) =>
      db.rows<{ user_id: string; id: string; status: string; cancel_at_period_end: boolean; stripe_price_id: string; linked: boolean }>(
        sql`select s.user_id, s.id, s.status, s.cancel_at_period_end, s.stripe_price_id, u.stripe_customer_id = s.stripe_customer_id as linked
            from subscriptions s join users u on u.id = s.user_id where s.id in (${sql.join(runs.map((r) => sql`${r.subscriptionId}`), sql`, `)})`,
      ),
    );
    expect(states).toHaveLength(orders.length);
    const finals = new Set(states.map(({ status, cancel_at_period_end, stripe_price_id, linked }) => JSON.stringify({ status, cancel_at_period_end, stripe_price_id, linked })));
    // Stripe's state at the end: on the free trial, cancelling at the period's end, on the monthly price, linked to the member.
    expect([...finals]).toEqual([JSON.stringify({ status: "trialing", cancel_at_period_end: true, stripe_price_id: "price_dojo_monthly", linked: true })]);
    for (const run of runs) expect(states.find((s) => s.id === run.subscriptionId)?.user_id).toBe(run.memberId);
  });
});
