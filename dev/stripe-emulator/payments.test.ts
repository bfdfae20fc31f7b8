// Checkout in payment mode, refunds and disputes, driven through the official SDK
// as the app drives them, with every event verified by a receiver like the app's route.
import type Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type StripeEmulator, startStripeEmulator } from "./server";
import { type Receiver, TEST_WEBHOOK_SECRET, emulatorClient, payCheckout, startReceiver, waitFor } from "./testing";

let receiver: Receiver;
let emulator: StripeEmulator;
let stripe: Stripe;

beforeAll(async () => {
  receiver = await startReceiver(TEST_WEBHOOK_SECRET);
  emulator = await startStripeEmulator({ port: 0, webhookUrl: receiver.url, webhookSecret: TEST_WEBHOOK_SECRET, retryBaseMs: 50, log: () => {} });
  stripe = emulatorClient(emulator.port);
});

afterAll(async () => {
  await emulator?.close();
  await receiver?.close();
});

async function paymentSession(extra: Partial<Stripe.Checkout.SessionCreateParams> = {}) {
  return stripe.checkout.sessions.create({
    mode: "payment",
    line_items: [{ quantity: 1, price_data: { currency: "gbp", unit_amount: 2400, product_data: { name: "The no-contact workbook" } } }],
    customer_email: "buyer@example.com",
    success_url: "http://app.test/done?session_id={CHECKOUT_SESSION_ID}",
    cancel_url: "http://app.test/products/workbook",
    payment_intent_data: { metadata: { productId: "7" } },
    metadata: { productId: "7" },
    ...extra,
  });
}

function eventsOf(type: string, id: (object: Record<string, unknown>) => unknown, wanted: string): Stripe.Event[] {
  return receiver.events.filter((event) => event.type === type && id(event.data.object as unknown as Record<string, unknown>) === wanted);
}

async function paid(extra: Partial<Stripe.Checkout.SessionCreateParams> = {}) {
  const session = await paymentSession(extra);
  const answer = await payCheckout(session.url ?? "");
  expect(answer.status).toBe(303);
  const done = await stripe.checkout.sessions.retrieve(session.id, { expand: ["payment_intent.latest_charge"] });
  const intent = done.payment_intent as Stripe.PaymentIntent;
  return { session: done, intent, charge: intent.latest_charge as Stripe.Charge };
}

describe("Checkout in payment mode", () => {
  it("creates a session for an inline one-time price and shows a Pay page", async () => {
    const session = await paymentSession();
    expect(session).toMatchObject({ object: "checkout.session", mode: "payment", status: "open", payment_status: "unpaid", customer: null, customer_creation: "if_required", amount_total: 2400, currency: "gbp" });
    const items = await stripe.checkout.sessions.listLineItems(session.id);
    expect(items.data[0]).toMatchObject({ description: "The no-contact workbook", amount_total: 2400, price: { type: "one_time", recurring: null, unit_amount: 2400 } });
    const page = await (await fetch(session.url ?? "")).text();
    expect(page).toContain("Pay for The no-contact workbook");
    expect(page).toContain("£24.00");
  });

  it("a good card pays: a PaymentIntent and a Charge with a receipt, then the three events in Stripe's order", async () => {
    const { session, intent, charge } = await paid();
    expect(session).toMatchObject({ status: "complete", payment_status: "paid", subscription: null, amount_total: 2400 });
    expect(session.customer_details?.email).toBe("buyer@example.com");
    expect(intent).toMatchObject({ object: "payment_intent", status: "succeeded", amount: 2400, amount_received: 2400, currency: "gbp", metadata: { productId: "7" } });
    expect(charge).toMatchObject({ object: "charge", paid: true, status: "succeeded", amount: 2400, amount_refunded: 0, refunded: false, disputed: false, payment_intent: intent.id });
    expect(charge.receipt_url).toMatch(/\/receipts\/ch_/);
    const receipt = await fetch(charge.receipt_url ?? "");
    expect(receipt.status).toBe(200);
    expect(await receipt.text()).toContain("£24.00");

    await waitFor(() => eventsOf("checkout.session.completed", (o) => o.id, session.id).length === 1, 5_000, "completed event");
    const types = receiver.events
      .filter((event) => [charge.id, intent.id, session.id].includes(String((event.data.object as { id?: string }).id)))
      .map((event) => event.type);
    expect(types).toEqual(["charge.succeeded", "payment_intent.succeeded", "checkout.session.completed"]);
    // The app finds the session again by its PaymentIntent, as after a refund or dispute event.
    const found = await stripe.checkout.sessions.list({ payment_intent: intent.id });
    expect(found.data.map((s) => s.id)).toEqual([session.id]);
  });

  it("a declined card pays nothing, sends nothing and leaves the session open", async () => {
    const session = await paymentSession();
    const before = receiver.events.length;
    const answer = await payCheckout(session.url ?? "", { number: "4000 0000 0000 0341" });
    expect(answer.status).toBe(402);
    expect(await answer.text()).toContain("Your card was declined.");
    const again = await stripe.checkout.sessions.retrieve(session.id);
    expect(again).toMatchObject({ status: "open", payment_status: "unpaid", payment_intent: null });
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(receiver.events.length).toBe(before);
  });

  it("takes a promotion code off the amount charged", async () => {
    const session = await paymentSession({ allow_promotion_codes: true });
    await payCheckout(session.url ?? "", { promotion_code: "welcome20" });
    const done = await stripe.checkout.sessions.retrieve(session.id, { expand: ["payment_intent"] });
    expect(done.amount_total).toBe(1920);
    expect((done.payment_intent as Stripe.PaymentIntent).amount).toBe(1920);
  });

  it("refuses what Stripe refuses: a recurring price in payment mode, subscription_data, both price and price_data", async () => {
    await expect(
      stripe.checkout.sessions.create({ mode: "payment", line_items: [{ price: "price_dojo_monthly", quantity: 1 }], success_url: "http://a.test/s", cancel_url: "http://a.test/c" }),
    ).rejects.toThrow(/recurring price/);
    await expect(paymentSession({ subscription_data: { trial_period_days: 3 } })).rejects.toThrow(/subscription_data/);
    await expect(
      paymentSession({ line_items: [{ quantity: 1, price: "price_dojo_monthly", price_data: { currency: "usd", unit_amount: 1, product_data: { name: "x" } } }] }),
    ).rejects.toThrow(/price, price_data/);
  });
});

describe("refunds", () => {
  it("a partial then the rest: charge.refunded each time with amount_refunded, refunded only at the end", async () => {
    const { intent, charge } = await paid();
    const part = await stripe.refunds.create({ payment_intent: intent.id, amount: 400 });
    expect(part).toMatchObject({ object: "refund", amount: 400, status: "succeeded", charge: charge.id, payment_intent: intent.id });
    const rest = await stripe.refunds.create({ charge: charge.id });
    expect(rest.amount).toBe(2000);
    const after = await stripe.charges.retrieve(charge.id);
    expect(after).toMatchObject({ amount_refunded: 2400, refunded: true });

    await waitFor(() => eventsOf("charge.refunded", (o) => o.id, charge.id).length === 2, 5_000, "two charge.refunded");
    const [first, second] = eventsOf("charge.refunded", (o) => o.id, charge.id).map((e) => e.data.object as Stripe.Charge);
    expect(first).toMatchObject({ amount_refunded: 400, refunded: false });
    expect(second).toMatchObject({ amount_refunded: 2400, refunded: true });
    await expect(stripe.refunds.create({ charge: charge.id })).rejects.toThrow(/already been refunded/);
    const listed = await stripe.refunds.list({ payment_intent: intent.id });
    expect(listed.data.map((r) => r.amount)).toEqual([2000, 400]);
  });

  it("the dashboard's refund (a control) works on the PaymentIntent id and has no API request behind it", async () => {
    const { intent, charge } = await paid();
    const answer = await fetch(`${emulator.url}/_emulator/payment_intents/${intent.id}/refund`, { method: "POST" });
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ object: "refund", amount: 2400 });
    const event = await waitFor(() => eventsOf("charge.refunded", (o) => o.id, charge.id)[0], 5_000, "charge.refunded");
    expect(event.request).toEqual({ id: null, idempotency_key: null });
  });
});

describe("disputes", () => {
  it("opened then lost: charge.dispute.created and charge.dispute.closed, the charge marked disputed, no refund possible", async () => {
    const { intent, charge } = await paid();
    const open = await fetch(`${emulator.url}/_emulator/charges/${charge.id}/dispute`, { method: "POST" });
    const dispute = (await open.json()) as Stripe.Dispute;
    expect(dispute).toMatchObject({ object: "dispute", status: "needs_response", amount: 2400, charge: charge.id, payment_intent: intent.id, reason: "fraudulent" });
    expect((await stripe.charges.retrieve(charge.id)).disputed).toBe(true);
    await expect(stripe.refunds.create({ charge: charge.id })).rejects.toThrow(/charged back/);

    const close = await fetch(`${emulator.url}/_emulator/disputes/${dispute.id}/close`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ outcome: "lost" }),
    });
    expect(close.status).toBe(200);
    await waitFor(() => eventsOf("charge.dispute.closed", (o) => o.id, dispute.id).length === 1, 5_000, "closed");
    expect(eventsOf("charge.dispute.created", (o) => o.id, dispute.id)).toHaveLength(1);
    expect((eventsOf("charge.dispute.closed", (o) => o.id, dispute.id)[0]?.data.object as Stripe.Dispute).status).toBe("lost");
    const listed = await stripe.disputes.list({ payment_intent: intent.id });
    expect(listed.data.map((d) => [d.id, d.status])).toEqual([[dispute.id, "lost"]]);

    const twice = await fetch(`${emulator.url}/_emulator/disputes/${dispute.id}/close`, { method: "POST", body: new URLSearchParams({ outcome: "won" }) });
    expect(twice.status).toBe(400);
  });

  it("won through the test helper; a bad outcome is refused", async () => {
    const { intent } = await paid();
    const dispute = await emulator.openDispute(intent.id);
    const bad = await fetch(`${emulator.url}/_emulator/disputes/${dispute.id}/close`, { method: "POST", body: new URLSearchParams({ outcome: "maybe" }) });
    expect(bad.status).toBe(400);
    await emulator.closeDispute(dispute.id, "won");
    expect((await stripe.disputes.retrieve(dispute.id)).status).toBe("won");
  });
});
