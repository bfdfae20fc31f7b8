// The emulator driven through the official SDK, as the app drives it, with a
// webhook receiver that verifies every event exactly as the app's route must.
import Stripe from "stripe";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type StripeEmulator, startStripeEmulator } from "./server";
import { type Receiver, TEST_WEBHOOK_SECRET, emulatorClient, payCheckout, startReceiver, waitFor } from "./testing";

let receiver: Receiver;
let emulator: StripeEmulator;
let stripe: Stripe;
const logs: string[] = [];
/** What the receiver answers; tests that need failures swap it and the `beforeEach` restores it. */
let answer: (event: Stripe.Event, attempt: number) => number = () => 200;

beforeAll(async () => {
  receiver = await startReceiver(TEST_WEBHOOK_SECRET, (event, attempt) => answer(event, attempt));
  emulator = await startStripeEmulator({
    port: 0,
    webhookUrl: receiver.url,
    webhookSecret: TEST_WEBHOOK_SECRET,
    retryBaseMs: 50,
    log: (line) => logs.push(line),
  });
  stripe = emulatorClient(emulator.port);
});

afterAll(async () => {
  await emulator?.close();
  await receiver?.close();
});

beforeEach(() => {
  answer = () => 200;
});

/** The subscription an event is about, whatever its object. */
function subscriptionOf(event: Stripe.Event): string | null {
  switch (event.type) {
    case "checkout.session.completed":
    case "checkout.session.expired":
      return typeof event.data.object.subscription === "string" ? event.data.object.subscription : null;
    case "customer.subscription.created":
    case "customer.subscription.updated":
    case "customer.subscription.deleted":
      return event.data.object.id;
    case "invoice.paid":
    case "invoice.payment_succeeded":
    case "invoice.payment_failed": {
      const subscription = event.data.object.parent?.subscription_details?.subscription;
      return typeof subscription === "string" ? subscription : (subscription?.id ?? null);
    }
    default:
      return null;
  }
}

function eventsFor(subscriptionId: string): Stripe.Event[] {
  return receiver.events.filter((event) => subscriptionOf(event) === subscriptionId);
}

async function waitForEvents(subscriptionId: string, types: string[]): Promise<Stripe.Event[]> {
  return waitFor(
    () => {
      const seen = eventsFor(subscriptionId);
      return types.every((type) => seen.some((event) => event.type === type)) ? seen : undefined;
    },
    5_000,
    `${types.join(", ")} for ${subscriptionId}`,
  );
}

async function newCheckout(extra: Partial<Stripe.Checkout.SessionCreateParams> = {}): Promise<Stripe.Checkout.Session> {
  return stripe.checkout.sessions.create({
    mode: "subscription",
    customer_email: `member-${Math.random().toString(36).slice(2)}@example.com`,
    line_items: [{ price: "price_dojo_monthly", quantity: 1 }],
    success_url: "http://localhost:3000/billing/success?session_id={CHECKOUT_SESSION_ID}",
    cancel_url: "http://localhost:3000/billing",
    ...extra,
  });
}

/** Pays a new checkout with 4242 and returns the subscription, once its three events arrived. */
async function subscribe(extra: Partial<Stripe.Checkout.SessionCreateParams> = {}): Promise<{ session: Stripe.Checkout.Session; subscription: Stripe.Subscription }> {
  const created = await newCheckout(extra);
  const response = await payCheckout(created.url ?? "");
  expect(response.status).toBe(303);
  const session = await stripe.checkout.sessions.retrieve(created.id, { expand: ["subscription"] });
  const subscription = session.subscription;
  if (!subscription || typeof subscription === "string") throw new Error("checkout did not create a subscription");
  await waitForEvents(subscription.id, ["checkout.session.completed", "customer.subscription.created", "invoice.paid"]);
  return { session, subscription };
}

async function portalUrlFor(customer: string): Promise<string> {
  const portal = await stripe.billingPortal.sessions.create({ customer, return_url: "http://localhost:3000/account" });
  return portal.url;
}

async function portalPost(url: string, fields: Record<string, string>): Promise<Response> {
  return fetch(url, { method: "POST", body: new URLSearchParams(fields), redirect: "manual" });
}

function customerId(subscription: Stripe.Subscription): string {
  return typeof subscription.customer === "string" ? subscription.customer : subscription.customer.id;
}

const DAY = 86_400;

describe("API basics", () => {
  it("refuses a request without a key with 401 in Stripe's error shape", async () => {
    const response = await fetch(`${emulator.url}/v1/customers`);
    expect(response.status).toBe(401);
    expect(response.headers.get("request-id")).toMatch(/^req_/);
    const body: unknown = await response.json();
    expect(body).toMatchObject({ error: { type: "invalid_request_error", message: expect.stringContaining("API key") } });
  });

  it("refuses a key that is not a test key", async () => {
    const live = emulatorClient(emulator.port, "sk_live_123456789");
    await expect(live.customers.list()).rejects.toMatchObject({ type: "StripeAuthenticationError", statusCode: 401 });
  });

  it("answers 404 resource_missing for an unknown subscription", async () => {
    await expect(stripe.subscriptions.retrieve("sub_nope")).rejects.toMatchObject({
      type: "StripeInvalidRequestError",
      statusCode: 404,
      code: "resource_missing",
      param: "id",
      message: "No such subscription: 'sub_nope'",
    });
    const raw = await fetch(`${emulator.url}/v1/subscriptions/sub_nope`, { headers: { Authorization: "Bearer sk_test_x" } });
    expect(raw.status).toBe(404);
    expect(raw.headers.get("stripe-version")).toBe("2026-10-28.endive");
    expect(await raw.json()).toEqual({
      error: {
        type: "invalid_request_error",
        code: "resource_missing",
        doc_url: "https://stripe.com/docs/error-codes/resource-missing",
        message: "No such subscription: 'sub_nope'",
        param: "id",
      },
    });
  });

  it("creates, retrieves and updates customers", async () => {
    const created = await stripe.customers.create({ email: "ada@example.com", name: "Ada", metadata: { userId: "user_1" } });
    expect(created.id).toMatch(/^cus_/);
    const fetched = await stripe.customers.retrieve(created.id);
    expect(fetched).toMatchObject({ id: created.id, object: "customer", email: "ada@example.com", name: "Ada", metadata: { userId: "user_1" } });
    const updated = await stripe.customers.update(created.id, { email: "ada@new.example.com", metadata: { plan: "dojo" } });
    expect(updated.email).toBe("ada@new.example.com");
    expect(updated.metadata).toEqual({ userId: "user_1", plan: "dojo" });
  });

  it("serves the seeded prices", async () => {
    const monthly = await stripe.prices.retrieve("price_dojo_monthly", { expand: ["product"] });
    expect(monthly).toMatchObject({ unit_amount: 1900, currency: "usd", recurring: { interval: "month" }, product: { name: "Breakup Dojo membership" } });
    const prices = await stripe.prices.list({ active: true });
    expect(prices.data.map((price) => price.id).sort()).toEqual(["price_dojo_monthly", "price_dojo_yearly"]);
    expect(prices.data.find((price) => price.id === "price_dojo_yearly")?.unit_amount).toBe(15900);
  });

  it("replays the response for a repeated Idempotency-Key and refuses it for other parameters", async () => {
    const first = await stripe.customers.create({ email: "idem@example.com" }, { idempotencyKey: "idem-key-1" });
    const again = await stripe.customers.create({ email: "idem@example.com" }, { idempotencyKey: "idem-key-1" });
    expect(again.id).toBe(first.id);
    await expect(stripe.customers.create({ email: "other@example.com" }, { idempotencyKey: "idem-key-1" })).rejects.toMatchObject({
      type: "StripeIdempotencyError",
    });
  });

  it("rejects parameters Stripe doesn't know, as Stripe does", async () => {
    const params = { ...baseCheckout(), trial_period_days: 7 };
    await expect(stripe.checkout.sessions.create(params)).rejects.toMatchObject({
      type: "StripeInvalidRequestError",
      param: "trial_period_days",
      message: "Received unknown parameter: trial_period_days",
    });
  });
});

function baseCheckout(): Stripe.Checkout.SessionCreateParams {
  return {
    mode: "subscription",
    line_items: [{ price: "price_dojo_monthly", quantity: 1 }],
    success_url: "http://localhost:3000/ok?session_id={CHECKOUT_SESSION_ID}",
    cancel_url: "http://localhost:3000/billing",
  };
}

describe("Checkout", () => {
  it("refuses an unknown price with a param error", async () => {
    await expect(newCheckout({ line_items: [{ price: "price_nope", quantity: 1 }] })).rejects.toMatchObject({
      type: "StripeInvalidRequestError",
      statusCode: 400,
      code: "resource_missing",
      param: "line_items[0][price]",
      message: "No such price: 'price_nope'",
    });
  });

  it("requires success_url", async () => {
    await expect(
      stripe.checkout.sessions.create({ mode: "subscription", line_items: [{ price: "price_dojo_monthly", quantity: 1 }], cancel_url: "http://localhost:3000/x" }),
    ).rejects.toMatchObject({ type: "StripeInvalidRequestError", param: "success_url" });
  });

  it("creates an open session whose url is the hosted checkout page", async () => {
    const session = await newCheckout({ client_reference_id: "user_42", metadata: { userId: "user_42" } });
    expect(session).toMatchObject({
      object: "checkout.session",
      mode: "subscription",
      status: "open",
      payment_status: "unpaid",
      client_reference_id: "user_42",
      metadata: { userId: "user_42" },
      subscription: null,
      amount_total: 1900,
    });
    expect(session.id).toMatch(/^cs_test_/);
    expect(session.url).toBe(`${emulator.url}/c/pay/${session.id}`);

    const page = await fetch(session.url ?? "");
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Breakup Dojo membership");
    expect(html).toContain("$19.00 per month");
    expect(html).toContain(session.customer_email ?? "missing email");
    for (const label of ['for="number"', 'for="expiry"', 'for="cvc"', 'for="name"']) expect(html).toContain(label);
    expect(html).toContain('href="http://localhost:3000/billing"');
    expect(html).not.toContain('name="promotion_code"'); // not allowed on this session
    expect(html).not.toMatch(/<script|https?:\/\/(?!localhost)[^"]*\.(css|js)/);
  });

  it("subscribes with 4242: redirect, three verified events in order, and the subscription on the session", async () => {
    const customer = await stripe.customers.create({ email: "paying@example.com", metadata: { userId: "user_pay" } });
    const created = await newCheckout({
      customer_email: undefined,
      customer: customer.id,
      client_reference_id: "user_pay",
      subscription_data: { metadata: { userId: "user_pay" } },
    });
    const before = Math.floor(Date.now() / 1000);

    const response = await payCheckout(created.url ?? "", { number: "4242 4242 4242 4242" });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`http://localhost:3000/billing/success?session_id=${created.id}`);

    const session = await stripe.checkout.sessions.retrieve(created.id, { expand: ["subscription", "customer"] });
    expect(session).toMatchObject({ status: "complete", payment_status: "paid", client_reference_id: "user_pay", url: null });
    expect(session.customer).toMatchObject({ id: customer.id, email: "paying@example.com" });
    const subscription = session.subscription;
    if (!subscription || typeof subscription === "string") throw new Error("subscription not expanded");
    expect(subscription).toMatchObject({ object: "subscription", status: "active", customer: customer.id, metadata: { userId: "user_pay" }, cancel_at_period_end: false });
    const item = subscription.items.data[0];
    expect(item?.price.id).toBe("price_dojo_monthly");
    expect(item?.current_period_start).toBeGreaterThanOrEqual(before);
    // One calendar month later: 28 to 31 days.
    expect((item?.current_period_end ?? 0) - (item?.current_period_start ?? 0)).toBeGreaterThanOrEqual(28 * DAY);
    expect((item?.current_period_end ?? 0) - (item?.current_period_start ?? 0)).toBeLessThanOrEqual(31 * DAY);

    const events = await waitForEvents(subscription.id, ["checkout.session.completed", "customer.subscription.created", "invoice.paid"]);
    expect(events.map((event) => event.type).slice(0, 3)).toEqual(["checkout.session.completed", "customer.subscription.created", "invoice.paid"]);
    expect(receiver.rejected).toEqual([]);
    const [completed] = events;
    expect(completed).toMatchObject({
      object: "event",
      api_version: "2026-10-28.endive",
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      data: { object: { id: created.id, status: "complete", payment_status: "paid", subscription: subscription.id, client_reference_id: "user_pay" } },
    });

    const withInvoice = await stripe.subscriptions.retrieve(subscription.id, { expand: ["latest_invoice"] });
    const invoice = withInvoice.latest_invoice;
    if (!invoice || typeof invoice === "string") throw new Error("latest_invoice not expanded");
    expect(invoice).toMatchObject({ status: "paid", amount_paid: 1900, billing_reason: "subscription_create", customer: customer.id });
    expect(invoice.parent?.subscription_details?.subscription).toBe(subscription.id);

    const listed = await stripe.subscriptions.list({ customer: customer.id, status: "all" });
    expect(listed.data.map((sub) => sub.id)).toEqual([subscription.id]);

    // A second submission (double click, back button) pays nothing and creates nothing.
    const again = await payCheckout(created.url ?? "");
    expect(again.status).toBe(200);
    expect(await again.text()).toContain("already subscribed");
    expect((await stripe.subscriptions.list({ customer: customer.id, status: "all" })).data).toHaveLength(1);
  });

  it("declines 0341 with 402 and changes nothing", async () => {
    const session = await newCheckout();
    const eventsBefore = emulator.deliveries().length;
    const response = await payCheckout(session.url ?? "", { number: "4000 0000 0000 0341" });
    expect(response.status).toBe(402);
    const html = await response.text();
    expect(html).toContain("Your card was declined.");
    expect(html).toContain('role="alert"');
    expect(html).toContain('aria-invalid="true"');

    const wrong = await payCheckout(session.url ?? "", { number: "1234 5678 9012 3456" });
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain("Your card number is incorrect.");

    const after = await stripe.checkout.sessions.retrieve(session.id);
    expect(after).toMatchObject({ status: "open", payment_status: "unpaid", subscription: null });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(emulator.deliveries().length).toBe(eventsBefore);
  });

  it("starts a trial: trialing until trial_end, nothing charged", async () => {
    const { session, subscription } = await subscribe({ subscription_data: { trial_period_days: 14 } });
    expect(subscription.status).toBe("trialing");
    const now = Math.floor(Date.now() / 1000);
    expect(subscription.trial_end).toBeGreaterThanOrEqual(now + 14 * DAY - 5);
    expect(subscription.trial_end).toBeLessThanOrEqual(now + 14 * DAY);
    expect(subscription.items.data[0]?.current_period_end).toBe(subscription.trial_end);
    expect(session.payment_status).toBe("no_payment_required");
    const invoice = await stripe.invoices.retrieve(String(subscription.latest_invoice));
    expect(invoice).toMatchObject({ status: "paid", amount_paid: 0 });
  });

  it("applies WELCOME20 when promotion codes are allowed, and refuses an unknown code", async () => {
    const session = await newCheckout({ allow_promotion_codes: true });
    const page = await (await fetch(session.url ?? "")).text();
    expect(page).toContain('for="promotion_code"');

    const bad = await payCheckout(session.url ?? "", { promotion_code: "NOPE" });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("This code is invalid.");

    expect((await payCheckout(session.url ?? "", { promotion_code: "welcome20" })).status).toBe(303);
    const paid = await stripe.checkout.sessions.retrieve(session.id, { expand: ["subscription.latest_invoice"] });
    expect(paid.amount_total).toBe(1520);
    expect(paid.total_details?.amount_discount).toBe(380);
    const subscription = paid.subscription;
    if (!subscription || typeof subscription === "string") throw new Error("subscription not expanded");
    expect(subscription.latest_invoice).toMatchObject({ total: 1520, amount_paid: 1520, subtotal: 1900 });
  });
});

describe("Customer Portal and the billing clock", () => {
  it("cancels at period end from the portal, renews, and ends the plan when the period ends", async () => {
    const { subscription } = await subscribe();
    const url = await portalUrlFor(customerId(subscription));
    expect(url).toMatch(new RegExp(`^${emulator.url}/p/session/bps_`));

    const page = await (await fetch(url)).text();
    expect(page).toContain("Cancel plan");
    expect(page).toContain("Renews on");
    expect(page).toContain('href="http://localhost:3000/account"');
    expect(page).toContain("Return to Breakup Dojo");

    const cancel = await portalPost(url, { action: "cancel", subscription: subscription.id });
    expect(cancel.status).toBe(303);
    const canceled = await stripe.subscriptions.retrieve(subscription.id);
    expect(canceled).toMatchObject({ status: "active", cancel_at_period_end: true, cancel_at: subscription.items.data[0]?.current_period_end });
    const updated = await waitFor(() => eventsFor(subscription.id).find((event) => event.type === "customer.subscription.updated"));
    expect(updated.data.previous_attributes).toMatchObject({ cancel_at_period_end: false });
    expect(await (await fetch(url)).text()).toContain("Renew plan");

    await portalPost(url, { action: "renew", subscription: subscription.id });
    expect((await stripe.subscriptions.retrieve(subscription.id)).cancel_at_period_end).toBe(false);
    await waitFor(() => eventsFor(subscription.id).filter((event) => event.type === "customer.subscription.updated").length === 2);

    await portalPost(url, { action: "cancel", subscription: subscription.id });
    const periodEnd = subscription.items.data[0]?.current_period_end;
    await emulator.advanceSubscription(subscription.id);
    const ended = await stripe.subscriptions.retrieve(subscription.id);
    expect(ended).toMatchObject({ status: "canceled", ended_at: periodEnd });
    const deleted = await waitFor(() => eventsFor(subscription.id).find((event) => event.type === "customer.subscription.deleted"));
    expect(deleted.data.object).toMatchObject({ id: subscription.id, status: "canceled" });
  });

  it("won't change another customer's plan from a portal session", async () => {
    const { subscription } = await subscribe();
    const stranger = await stripe.customers.create({ email: "stranger@example.com" });
    const url = await portalUrlFor(stranger.id);
    const response = await portalPost(url, { action: "cancel", subscription: subscription.id });
    expect(response.status).toBe(404);
    expect((await stripe.subscriptions.retrieve(subscription.id)).cancel_at_period_end).toBe(false);
  });

  it("renews on a paid advance: new period, paid invoice, invoice.paid then updated", async () => {
    const { subscription } = await subscribe({ line_items: [{ price: "price_dojo_yearly", quantity: 1 }] });
    const oldEnd = subscription.items.data[0]?.current_period_end ?? 0;
    await emulator.advanceSubscription(subscription.id, "paid");
    const renewed = await stripe.subscriptions.retrieve(subscription.id, { expand: ["latest_invoice"] });
    expect(renewed.status).toBe("active");
    expect(renewed.items.data[0]?.current_period_start).toBe(oldEnd);
    expect((renewed.items.data[0]?.current_period_end ?? 0) - oldEnd).toBeGreaterThanOrEqual(365 * DAY);
    expect(renewed.latest_invoice).toMatchObject({ status: "paid", amount_paid: 15900, billing_reason: "subscription_cycle" });
    const events = await waitForEvents(subscription.id, ["customer.subscription.updated"]);
    const renewal = events.slice(4).map((event) => event.type);
    expect(renewal.indexOf("invoice.paid")).toBeLessThan(renewal.indexOf("customer.subscription.updated"));
    const update = events.find((event) => event.type === "customer.subscription.updated");
    expect(update?.data.previous_attributes).toHaveProperty("items");
  });

  it("goes past_due on a failed advance, then unpaid, then active again once paid", async () => {
    const { subscription } = await subscribe();
    const response = await fetch(`${emulator.url}/_emulator/subscriptions/${subscription.id}/advance`, {
      method: "POST",
      body: new URLSearchParams({ outcome: "failed" }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id: subscription.id, status: "past_due" });

    const events = await waitForEvents(subscription.id, ["invoice.payment_failed", "customer.subscription.updated"]);
    const types = events.map((event) => event.type);
    expect(types.indexOf("invoice.payment_failed")).toBeLessThan(types.indexOf("customer.subscription.updated"));
    const failed = events.find((event) => event.type === "invoice.payment_failed");
    expect(failed?.data.object).toMatchObject({ status: "open", attempt_count: 1, amount_paid: 0, amount_remaining: 1900 });

    await emulator.advanceSubscription(subscription.id, "failed");
    expect((await stripe.subscriptions.retrieve(subscription.id)).status).toBe("unpaid");

    await emulator.advanceSubscription(subscription.id, "paid");
    const recovered = await stripe.subscriptions.retrieve(subscription.id, { expand: ["latest_invoice"] });
    expect(recovered.status).toBe("active");
    expect(recovered.latest_invoice).toMatchObject({ status: "paid", attempt_count: 3 });
  });

  it("fails the next renewal after the card is changed to 0341 in the portal", async () => {
    const { subscription } = await subscribe();
    const url = await portalUrlFor(customerId(subscription));
    const update = await portalPost(url, { action: "card", number: "4000 0000 0000 0341", expiry: "12/34", cvc: "123" });
    expect(update.status).toBe(303);
    expect(await (await fetch(url)).text()).toContain("ending in 0341");
    await emulator.advanceSubscription(subscription.id);
    expect((await stripe.subscriptions.retrieve(subscription.id)).status).toBe("past_due");

    await portalPost(url, { action: "card", number: "4242424242424242", expiry: "12/34", cvc: "123" });
    await emulator.advanceSubscription(subscription.id);
    expect((await stripe.subscriptions.retrieve(subscription.id)).status).toBe("active");
  });

  it("cancels immediately on DELETE and via the API's cancel_at_period_end, recording the request", async () => {
    const { subscription } = await subscribe();
    const updated = await stripe.subscriptions.update(subscription.id, { cancel_at_period_end: true }, { idempotencyKey: "cancel-1" });
    expect(updated.cancel_at_period_end).toBe(true);
    const event = await waitFor(() => eventsFor(subscription.id).find((e) => e.type === "customer.subscription.updated"));
    expect(event.request).toMatchObject({ id: expect.stringMatching(/^req_/), idempotency_key: "cancel-1" });

    const canceled = await stripe.subscriptions.cancel(subscription.id);
    expect(canceled).toMatchObject({ status: "canceled" });
    expect(canceled.ended_at).toBeGreaterThan(0);
    await waitFor(() => eventsFor(subscription.id).find((e) => e.type === "customer.subscription.deleted"));
    const active = await stripe.subscriptions.list({ customer: customerId(subscription) });
    expect(active.data).toHaveLength(0);
    const all = await stripe.subscriptions.list({ customer: customerId(subscription), status: "all" });
    expect(all.data).toHaveLength(1);
  });
});

describe("webhook delivery", () => {
  it("retries a failing endpoint with backoff and delivers on the third attempt", async () => {
    const { subscription } = await subscribe();
    answer = (event, attempt) => (event.type === "customer.subscription.updated" && attempt <= 2 ? 500 : 200);
    const started = Date.now();
    await stripe.subscriptions.update(subscription.id, { metadata: { retried: "yes" } });
    expect(Date.now() - started).toBeLessThan(1_000); // the API answer doesn't wait for delivery

    const record = await waitFor(() =>
      emulator.deliveries().find((delivery) => delivery.type === "customer.subscription.updated" && delivery.status === "delivered" && receiver.events.some((e) => e.id === delivery.eventId && subscriptionOf(e) === subscription.id)),
    );
    expect(record.attempts).toBe(3);
    expect(receiver.attempts.filter((attempt) => attempt.eventId === record.eventId).map((attempt) => attempt.status)).toEqual([500, 500, 200]);
    expect(logs.filter((line) => line.includes(record.eventId))).toHaveLength(2);
    expect(logs.find((line) => line.includes(record.eventId))).toMatch(/attempt 1 failed: HTTP 500; retrying in/);
  });

  it("lists events with their delivery state at /_emulator/events", async () => {
    const response = await fetch(`${emulator.url}/_emulator/events`);
    const body: unknown = await response.json();
    expect(body).toMatchObject({ object: "list" });
    const data = (body as { data: Array<{ id: string; type: string; delivery: { status: string } | null }> }).data;
    expect(data.length).toBeGreaterThan(0);
    expect(data[0]?.id).toMatch(/^evt_/);
    expect(data.every((event) => event.delivery !== null)).toBe(true);
  });
});
