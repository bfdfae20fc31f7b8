import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import type Stripe from "stripe";
import { getDb, preparedStatement, rowsOf, tables } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/outbox";
import { paymentFailedEmail } from "@/lib/email/templates";
import { env } from "@/lib/env";
import { getStripe, webhookSecret } from "./stripe";
import { applySubscription, subscriptionUpsert } from "./subscriptions";

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

const idOf = (v: string | { id: string } | null | undefined) => (typeof v === "string" ? v : (v?.id ?? null));

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
 * the ledger in the same transaction as its effect, so a retry or a duplicate
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
  if (seen) return { status: 200, body: { received: true, duplicate: true } };

  try {
    const subscriptionId = subscriptionIdOf(event);
    const subscription = subscriptionId ? await getStripe().subscriptions.retrieve(subscriptionId) : null;
    const session = event.type === "checkout.session.completed" ? (event.data.object as Stripe.Checkout.Session) : null;

    // Most events only store the subscription: then the ledger entry and the effect are
    // one statement, atomic on its own (the upsert runs only if the entry was new).
    const upsert = subscription && !session && event.type !== "invoice.payment_failed" ? subscriptionUpsert(subscription, null, sql`exists (select 1 from recorded)`) : null;
    if (upsert) {
      const [row] = rowsOf<{ recorded: number }>(
        await db.execute(sql`with recorded as (
            insert into ${tables.stripeEvents} (id, type) values (${event.id}, ${event.type}) on conflict do nothing returning id),
          applied as (${upsert})
          select count(*)::int as recorded from recorded`),
      );
      return { status: 200, body: { received: true, ...(row?.recorded === 1 ? {} : { duplicate: true }) } };
    }

    // The rest (a checkout that links the customer, a failed payment that emails the member) in one transaction.
    const applied = await db.transaction(async (tx) => {
      const [recorded] = await tx
        .insert(tables.stripeEvents)
        .values({ id: event.id, type: event.type })
        .onConflictDoNothing()
        .returning({ id: tables.stripeEvents.id });
      if (!recorded) return false; // another delivery of this event got here first

      const userId = session?.client_reference_id ?? null;
      const customerId = idOf(session?.customer);
      if (userId && customerId) {
        // The checkout links the member to their Stripe customer if nothing did before.
        await tx
          .update(tables.users)
          .set({ stripeCustomerId: customerId })
          .where(and(eq(tables.users.id, userId), isNull(tables.users.stripeCustomerId)));
      }
      if (subscription) await applySubscription(tx, subscription, userId);

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
    return { status: 200, body: { received: true, ...(applied ? {} : { duplicate: true }) } };
  } catch (err) {
    console.error(`stripe webhook ${event.type} ${event.id} failed:`, err instanceof Error ? err.message : err);
    return { status: 500, body: { received: false, error: "Not processed; please retry." } };
  }
}
