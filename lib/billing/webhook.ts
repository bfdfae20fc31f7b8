import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import type Stripe from "stripe";
import { getDb, preparedStatement, tables } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/outbox";
import { paymentFailedEmail } from "@/lib/email/templates";
import { isDatabaseUnavailable } from "@/lib/db/unavailable";
import { env } from "@/lib/env";
import { recordEvent } from "./ledger";
import { getStripe, webhookSecret } from "./stripe";
import { recordRevenueChange } from "./history";
import { idOf } from "./subscriptions";

export { recordEvent } from "./ledger";
import { log, reason } from "@/lib/log";
import { purchasePaymentIntentOf, syncPurchase } from "@/lib/products/purchases";

const TOLERANCE_SECONDS = 300;

const HANDLED = new Set([
  "checkout.session.completed",
  "customer.subscription.created",
  "customer.subscription.updated",
  "customer.subscription.deleted",
  "invoice.paid",
  "invoice.payment_failed",
  // One-time products (lib/products/purchases.ts).
  "charge.refunded",
  "charge.dispute.created",
  "charge.dispute.updated",
  "charge.dispute.closed",
]);

export interface WebhookAnswer {
  status: number;
  body: { received: boolean; duplicate?: boolean; ignored?: boolean; error?: string };
}

// Asked of every delivery, before Stripe is: built once.
const eventSeen = preparedStatement((db) =>
  db
    .select({ id: tables.stripeEvents.id })
    .from(tables.stripeEvents)
    .where(eq(tables.stripeEvents.id, sql.placeholder("id")))
    .limit(1)
    .prepare("stripe_event_seen"),
);

const answer = (applied: boolean): WebhookAnswer => ({ status: 200, body: { received: true, ...(applied ? {} : { duplicate: true }) } });

/** Only ids are taken from the payload; the subscription itself is re-read from Stripe. */
function subscriptionIdOf(event: Stripe.Event): string | null {
  const object = event.data.object;
  switch (event.type) {
    case "checkout.session.completed":
      return (object as Stripe.Checkout.Session).mode === "subscription" ? idOf((object as Stripe.Checkout.Session).subscription) : null;
    case "customer.subscription.created":
    case "customer.subscription.updated":
    case "customer.subscription.deleted":
      return (object as Stripe.Subscription).id;
    case "invoice.paid":
    case "invoice.payment_failed":
      return idOf((object as Stripe.Invoice).parent?.subscription_details?.subscription);
    default:
      return null;
  }
}

/**
 * Verifies a Stripe event and applies it exactly once: the event id goes into
 * the ledger atomically with its effect (recordEvent), so a retry or a duplicate
 * finds it there and changes nothing. Answers 2xx only once the effect is stored.
 */
export async function handleStripeWebhook(rawBody: string, signature: string | null): Promise<WebhookAnswer> {
  let event: Stripe.Event;
  try {
    if (!signature) throw new Error("missing Stripe-Signature");
    event = getStripe().webhooks.constructEvent(rawBody, signature, webhookSecret(), TOLERANCE_SECONDS);
  } catch {
    return { status: 400, body: { received: false, error: "Invalid signature." } };
  }
  if (!HANDLED.has(event.type)) return { status: 200, body: { received: true, ignored: true } };

  const db = await getDb();
  const [seen] = await (await eventSeen()).execute({ id: event.id });
  if (seen) return answer(false);

  try {
    // A product purchase (Checkout in payment mode, its refunds and disputes): re-read from Stripe, stored with the ledger entry.
    const paymentIntentId = purchasePaymentIntentOf(event);
    if (paymentIntentId) return answer(await syncPurchase(paymentIntentId, event));

    const subscriptionId = subscriptionIdOf(event);
    const subscription = subscriptionId ? await getStripe().subscriptions.retrieve(subscriptionId) : null;
    const session = event.type === "checkout.session.completed" ? (event.data.object as Stripe.Checkout.Session) : null;

    const userId = session?.client_reference_id ?? null;
    const extraEffects = session !== null || event.type === "invoice.payment_failed";
    // The ledger entry, the subscription, its revenue history (lib/billing/history.ts) and any
    // further effect (a checkout links the customer, a failed payment emails the member): one transaction.
    const applied = await db.transaction(async (tx) => {
      if (!(await recordEvent(tx, event, subscription, userId))) return false; // another delivery got here first
      if (subscription) await recordRevenueChange(tx, subscription.id);
      if (!extraEffects) return true;

      const customerId = idOf(session?.customer);
      if (userId && customerId) {
        // The checkout links the member to their Stripe customer if nothing did before.
        await tx
          .update(tables.users)
          .set({ stripeCustomerId: customerId })
          .where(and(eq(tables.users.id, userId), isNull(tables.users.stripeCustomerId)));
      }

      if (event.type === "invoice.payment_failed" && subscription) {
        const [member] = await tx
          .select({ id: tables.users.id, email: tables.users.email })
          .from(tables.subscriptions)
          .innerJoin(tables.users, eq(tables.users.id, tables.subscriptions.userId))
          .where(eq(tables.subscriptions.id, subscription.id));
        if (member) {
          const message = paymentFailedEmail({ billingUrl: new URL("/account/billing", env().APP_URL).toString() });
          await enqueueEmail({ to: member.email, userId: member.id, dedupeKey: `payment-failed:${event.id}`, ...message }, tx);
        }
      }
      return true;
    });
    return answer(applied);
  } catch (err) {
    if (isDatabaseUnavailable(err)) throw err; // the route answers 503 with Retry-After: Stripe retries
    log.error("stripe webhook failed", { type: event.type, event: event.id, reason: reason(err) });
    return { status: 500, body: { received: false, error: "Not processed; please retry." } };
  }
}
