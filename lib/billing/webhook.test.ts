import { and, count, eq, sql } from "drizzle-orm";
import type Stripe from "stripe";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { seed } from "@/db/seed";
import { emailOutbox, funnelCounts, mrrChanges, stripeEvents, subscriptions, users } from "@/db/schema";
import { createQuizResult, keepQuizResult } from "@/lib/quiz/results";
import { validAnswers } from "@/lib/quiz/testing";
import { openFreshTestDatabase, testDatabases } from "@/db/testing";
import { signatureHeader, type StripeEmulator } from "@/dev/stripe-emulator/server";
import { emulatorClient, payCheckout, waitFor } from "@/dev/stripe-emulator/testing";
import type { CurrentUser } from "@/lib/auth/current-user";
import { refreshSubscriptionsFromStripe, startCheckout } from "./checkout";
import { setStripeForTests } from "./stripe";
import { emulatorToApp, type EmulatorToApp } from "./testing";
import { getAccess } from "./subscriptions";
import { handleStripeWebhook } from "./webhook";

const SECRET = "whsec_webhook_tests";
process.env.STRIPE_WEBHOOK_SECRET = SECRET;

/** Signs a payload exactly as Stripe does, with our secret unless told otherwise. */
const signed = (event: object, opts: { secret?: string; at?: number } = {}) => {
  const body = JSON.stringify(event);
  return { body, signature: signatureHeader(body, opts.secret ?? SECRET, opts.at) };
};

describe.each(testDatabases())("the Stripe webhook on $kind", (target) => {
  let handle: DbHandle;
  let emulator: StripeEmulator;
  let link: EmulatorToApp;
  let stripe: Stripe;

  beforeAll(async () => {
    handle = await openFreshTestDatabase(target);
    await seed(handle.db);
    link = await emulatorToApp(SECRET);
    ({ emulator, stripe } = link);
  });
  afterAll(async () => {
    await link.close();
    await handle.close();
  });
  beforeEach(() => {
    link.deliverToApp = true;
  });

  let n = 0;
  async function newMember(): Promise<CurrentUser> {
    n++;
    const email = `member${n}-${target.kind}@example.com`;
    const [row] = await handle.db.insert(users).values({ email }).returning({ id: users.id });
    return { id: row?.id ?? "", email, role: "member", timeZone: "UTC", sessionToken: "t" };
  }

  /** A member pays on the emulator's hosted checkout; resolves when Stripe's events reached the handler. */
  async function subscribe(member: CurrentUser, card = "4242424242424242") {
    const url = await startCheckout(member, "monthly");
    const paid = await payCheckout(url, { number: card });
    expect(paid.status).toBe(303);
    await waitFor(() => emulator.deliveries().every((d) => d.status === "delivered"), 5000, "deliveries");
    const sub = await handle.db.query.subscriptions.findFirst({ where: eq(subscriptions.userId, member.id) });
    if (!sub) throw new Error("no subscription stored");
    return sub;
  }

  const rows = async (table: typeof stripeEvents | typeof emailOutbox) => (await handle.db.select({ n: count() }).from(table))[0]?.n;

  it("lets a member in after checkout, and out when the cancelled period ends", async () => {
    const member = await newMember();
    const sub = await subscribe(member);
    expect(sub.status).toBe("trialing");
    expect((await getAccess(member.id)).allowed).toBe(true);

    await stripe.subscriptions.update(sub.id, { cancel_at_period_end: true });
    await waitFor(() => emulator.deliveries().every((d) => d.status === "delivered"), 5000, "deliveries");
    expect(await getAccess(member.id)).toMatchObject({ allowed: true, endsAt: expect.any(Date) });

    await emulator.advanceSubscription(sub.id);
    await waitFor(() => emulator.deliveries().every((d) => d.status === "delivered"), 5000, "deliveries");
    expect((await getAccess(member.id)).allowed).toBe(false);
  });

  it("refuses bad signatures with 400 and writes nothing", async () => {
    const before = await rows(stripeEvents);
    const event = { id: "evt_forged", object: "event", type: "customer.subscription.updated", data: { object: { id: "sub_x" } } };
    const good = signed(event);
    const cases: [string, string, string | null][] = [
      ["missing header", good.body, null],
      ["malformed header", good.body, "t=abc,v1=nothing"],
      ["wrong secret", good.body, signed(event, { secret: "whsec_someone_else" }).signature],
      ["tampered body", good.body.replace("sub_x", "sub_y"), good.signature],
      ["timestamp older than 300 s", good.body, signed(event, { at: Math.floor(Date.now() / 1000) - 301 }).signature],
    ];
    for (const [name, body, signature] of cases) {
      expect((await handleStripeWebhook(body, signature)).status, name).toBe(400);
    }
    expect(await rows(stripeEvents)).toBe(before);
  });

  it("answers 2xx to an unknown event type and writes nothing", async () => {
    const before = await rows(stripeEvents);
    const { body, signature } = signed({ id: "evt_unknown", object: "event", type: "customer.tax_id.created", data: { object: {} } });
    expect(await handleStripeWebhook(body, signature)).toEqual({ status: 200, body: { received: true, ignored: true } });
    expect(await rows(stripeEvents)).toBe(before);
  });

  it("applies the same event once, whether sent twice in a row or ten times at once", async () => {
    const member = await newMember();
    const sub = await subscribe(member);
    link.deliverToApp = false; // capture the failure events without applying them
    await emulator.advanceSubscription(sub.id, "failed");
    const failed = await waitFor(() => link.delivered.find((d) => d.event.type === "invoice.payment_failed" && JSON.stringify(d.event).includes(sub.id)), 5000, "payment_failed");
    const emailsBefore = await rows(emailOutbox);
    const eventsBefore = await rows(stripeEvents);

    const send = () => handleStripeWebhook(failed.body, signatureHeader(failed.body, SECRET));
    expect((await send()).status).toBe(200);
    expect(await send()).toEqual({ status: 200, body: { received: true, duplicate: true } });
    const ten = await Promise.all(Array.from({ length: 10 }, send));
    expect(ten.every((a) => a.status === 200)).toBe(true);

    expect(await rows(stripeEvents)).toBe((eventsBefore ?? 0) + 1);
    expect(await rows(emailOutbox)).toBe((emailsBefore ?? 0) + 1);
    const [mail] = await handle.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, member.email));
    expect(mail?.subject).toBe("A note about your account");
    expect(mail?.textBody).not.toMatch(/breakup|dojo|\$|19/i);
  });

  it("stores a subscription change once when ten copies of its event arrive at once", async () => {
    const member = await newMember();
    const sub = await subscribe(member);
    link.deliverToApp = false;
    await stripe.subscriptions.update(sub.id, { cancel_at_period_end: true });
    const updated = await waitFor(() => link.delivered.find((d) => d.event.type === "customer.subscription.updated" && d.body.includes(sub.id)), 5000, "updated");
    const eventsBefore = await rows(stripeEvents);

    const answers = await Promise.all(Array.from({ length: 10 }, () => handleStripeWebhook(updated.body, signatureHeader(updated.body, SECRET))));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(answers.filter((a) => !a.body.duplicate)).toHaveLength(1);
    expect(await rows(stripeEvents)).toBe((eventsBefore ?? 0) + 1);
    const row = await handle.db.query.subscriptions.findFirst({ columns: { cancelAtPeriodEnd: true }, where: eq(subscriptions.id, sub.id) });
    expect(row?.cancelAtPeriodEnd).toBe(true);
  });

  it("reaches the same entitlement whatever order a subscription's events arrive in", async () => {
    const member = await newMember();
    link.deliverToApp = false;
    const start = link.delivered.length;
    await subscribe(member).catch(() => undefined); // not applied yet: nothing stored
    const sub = (await stripe.subscriptions.list({ customer: (await handle.db.query.users.findFirst({ where: eq(users.id, member.id) }))?.stripeCustomerId ?? "" })).data[0];
    if (!sub) throw new Error("no subscription at Stripe");
    await stripe.subscriptions.update(sub.id, { cancel_at_period_end: true });
    await waitFor(() => emulator.deliveries().every((d) => d.status === "delivered"), 5000, "deliveries");
    const events = link.delivered.slice(start).filter((d) => d.body.includes(sub.id));
    expect(events.length).toBeGreaterThanOrEqual(4);

    const orders = [events, [...events].reverse(), [events[2], events[0], events[3], events[1], ...events.slice(4)]];
    const outcomes = [];
    for (const order of orders) {
      await handle.db.execute(sql`delete from subscriptions where user_id = ${member.id}`);
      await handle.db.execute(sql`delete from stripe_events`);
      for (const d of order) if (d) expect((await handleStripeWebhook(d.body, signatureHeader(d.body, SECRET))).status).toBe(200);
      const row = await handle.db.query.subscriptions.findFirst({ columns: { status: true, cancelAtPeriodEnd: true }, where: eq(subscriptions.userId, member.id) });
      outcomes.push({ row, access: (await getAccess(member.id)).allowed });
    }
    expect(outcomes[0]).toEqual({ row: { status: "trialing", cancelAtPeriodEnd: true }, access: true });
    expect(outcomes[1]).toEqual(outcomes[0]);
    expect(outcomes[2]).toEqual(outcomes[0]);
  });

  it("answers 5xx when the effect cannot be stored, and the retry then succeeds", async () => {
    const member = await newMember();
    link.deliverToApp = false;
    const start = link.delivered.length;
    await subscribe(member).catch(() => undefined);
    const created = link.delivered.slice(start).find((d) => d.event.type === "customer.subscription.created");
    if (!created) throw new Error("no created event");
    const eventsBefore = await rows(stripeEvents);

    setStripeForTests(emulatorClient(1)); // Stripe unreachable: the subscription cannot be re-read
    const failed = await handleStripeWebhook(created.body, signatureHeader(created.body, SECRET));
    setStripeForTests(stripe);
    expect(failed.status).toBe(500);
    expect(await rows(stripeEvents)).toBe(eventsBefore);
    expect((await getAccess(member.id)).allowed).toBe(false);

    expect((await handleStripeWebhook(created.body, signatureHeader(created.body, SECRET))).status).toBe(200);
    expect((await getAccess(member.id)).allowed).toBe(true);
  });

  it("back from the portal before Stripe's webhook, the member's cancellation is read from Stripe", async () => {
    const member = await newMember();
    const sub = await subscribe(member);
    link.deliverToApp = false; // the webhook is late
    await stripe.subscriptions.update(sub.id, { cancel_at_period_end: true });
    const stored = () => handle.db.query.subscriptions.findFirst({ columns: { cancelAtPeriodEnd: true }, where: eq(subscriptions.id, sub.id) });
    expect((await stored())?.cancelAtPeriodEnd).toBe(false);

    await refreshSubscriptionsFromStripe(member);
    expect((await stored())?.cancelAtPeriodEnd).toBe(true);
    // Still a member until the period ends.
    expect(await getAccess(member.id)).toMatchObject({ allowed: true, via: "subscription" });
  });

  it("counts the grace period from the first failed payment of a spell, and starts a new spell after a payment", async () => {
    const member = await newMember();
    const sub = await subscribe(member);
    const pastDueSince = async () => (await handle.db.query.subscriptions.findFirst({ columns: { status: true, pastDueSince: true }, where: eq(subscriptions.id, sub.id) }))!;
    const settled = () => waitFor(() => emulator.deliveries().every((d) => d.status === "delivered"), 5000, "deliveries");
    expect((await pastDueSince()).pastDueSince).toBeNull();

    await emulator.advanceSubscription(sub.id, "failed");
    await settled();
    const first = await pastDueSince();
    expect(first.status).toBe("past_due");
    expect(first.pastDueSince).toBeInstanceOf(Date);

    // Stripe's view read again later, still past_due: the spell, and so the grace period, did not restart.
    await new Promise((r) => setTimeout(r, 20));
    await refreshSubscriptionsFromStripe(member);
    expect(await pastDueSince()).toEqual(first);
    expect(await getAccess(member.id)).toMatchObject({ allowed: true, banner: "past_due" });

    await emulator.advanceSubscription(sub.id, "paid");
    await settled();
    expect(await pastDueSince()).toEqual({ status: "active", pastDueSince: null });

    await emulator.advanceSubscription(sub.id, "failed");
    await settled();
    const second = await pastDueSince();
    expect(second.status).toBe("past_due");
    expect(second.pastDueSince!.getTime()).toBeGreaterThan(first.pastDueSince!.getTime());
  });

  it("refreshing a member who never paid asks Stripe nothing and stores nothing", async () => {
    const member = await newMember();
    setStripeForTests(emulatorClient(1)); // any call to Stripe would fail
    try {
      await expect(refreshSubscriptionsFromStripe(member)).resolves.toBeUndefined();
    } finally {
      setStripeForTests(stripe);
    }
    expect(await handle.db.query.subscriptions.findFirst({ where: eq(subscriptions.userId, member.id) })).toBeUndefined();
  });

  it("records the revenue history and the funnel's trial and first payment once each, with the prescription the member kept", async () => {
    const member = await newMember();
    const created = await createQuizResult(validAnswers);
    if (!created.ok) throw new Error(JSON.stringify(created.issues));
    expect(await keepQuizResult(member, created.token)).toBe(true);
    const rx = created.snapshot.prescription.id;
    const counted = async (step: string) =>
      Number((await handle.db.select({ n: sql<number>`coalesce(sum(${funnelCounts.count}), 0)::int` }).from(funnelCounts).where(and(eq(funnelCounts.step, step as "paid"), eq(funnelCounts.prescriptionId, rx))))[0]?.n);
    const changes = async (subId: string) =>
      (await handle.db.select({ kind: mrrChanges.kind, amount: mrrChanges.amountMinor, currency: mrrChanges.currency }).from(mrrChanges).where(eq(mrrChanges.subscriptionId, subId)).orderBy(mrrChanges.id));
    const before = { trials: await counted("trial_started"), paid: await counted("paid"), checkouts: await counted("checkout_started") };

    const sub = await subscribe(member); // a trial: nothing paid yet
    expect(await counted("checkout_started")).toBe(before.checkouts + 1);
    expect(await counted("trial_started")).toBe(before.trials + 1);
    expect(await changes(sub.id)).toEqual([]);

    await emulator.advanceSubscription(sub.id); // the trial ends and the first invoice is paid
    await waitFor(() => emulator.deliveries().every((d) => d.status === "delivered"), 5000, "deliveries");
    expect(await changes(sub.id)).toEqual([{ kind: "new", amount: 1900, currency: "usd" }]);
    expect(await counted("paid")).toBe(before.paid + 1);

    await emulator.advanceSubscription(sub.id); // a renewal changes nothing
    await stripe.subscriptions.update(sub.id, { cancel_at_period_end: true });
    await waitFor(() => emulator.deliveries().every((d) => d.status === "delivered"), 5000, "deliveries");
    expect(await changes(sub.id)).toHaveLength(1);
    await emulator.advanceSubscription(sub.id); // the cancelled period ends
    await waitFor(() => emulator.deliveries().every((d) => d.status === "delivered"), 5000, "deliveries");
    expect(await changes(sub.id)).toEqual([
      { kind: "new", amount: 1900, currency: "usd" },
      { kind: "churn", amount: -1900, currency: "usd" },
    ]);
    expect(await counted("trial_started")).toBe(before.trials + 1);
    expect(await counted("paid")).toBe(before.paid + 1);
    const [row] = await handle.db.select({ mrr: subscriptions.mrrMinor }).from(subscriptions).where(eq(subscriptions.id, sub.id));
    expect(row?.mrr).toBe(0);
  });
});
