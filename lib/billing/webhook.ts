import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import type Stripe from "stripe";
import { columnName, getDb, preparedStatement, rowsOf, tables, type Db } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/outbox";
import { paymentFailedEmail } from "@/lib/email/templates";
import { isDatabaseUnavailable } from "@/lib/db/unavailable";
import { env } from "@/lib/env";
import { getStripe, webhookSecret } from "./stripe";
import { recordRevenueChange } from "./history";
import { idOf, subscriptionUpsert } from "./subscriptions";
import { log, reason } from "@/lib/log";

const TOLERANCE_SECONDS = 300;

const HANDLED = new Set([
  "checkout.session.completed",
  "customer.subscription.created",
  "customer.subscription.updated",
  "customer.subscription.deleted",
  "invoice.paid",
  "invoice.payment_failed",
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

/**
 * Writes the event's ledger entry and, only if that entry is new, stores the subscription
 * (when there is one) — one statement, so the two are atomic even outside a transaction.
 * Returns whether this delivery recorded the event (false: it was already there).
 * Exported for the test of its row's shape.
 */
export async function recordEvent(executor: Pick<Db, "execute">, event: Stripe.Event, subscription: Stripe.Subscription | null, userIdHint: string | null): Promise<boolean> {
  const e = tables.stripeEvents;
  const upsert = subscription ? subscriptionUpsert(subscription, userIdHint, sql`exists (select 1 from recorded)`) : null;
  const [row] = rowsOf<{ recorded: number }>(
    await executor.execute(sql`with recorded as (
        insert into ${e} (${columnName(e.id)}, ${columnName(e.type)}) values (${event.id}, ${event.type}) on conflict do nothing returning ${columnName(e.id)})
      ${upsert ? sql`, applied as (${upsert})` : sql``}
      select count(*)::int as recorded from recorded`),
  );
  return row?.recorded === 1;
}

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
