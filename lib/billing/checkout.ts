import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { CurrentUser } from "@/lib/auth/current-user";
import { getDb, tables } from "@/lib/db";
import { env } from "@/lib/env";
import { claimedPrescriptionOf } from "@/lib/quiz/results";
import { recordFunnelStep } from "@/lib/quiz/funnel";
import { getActivePlan } from "./plans";
import { getStripe } from "./stripe";
import { applySubscription, getAccess } from "./subscriptions";

export class BillingError extends Error {}

/** The member's Stripe customer as we have stored it, or null before their first checkout. */
async function storedCustomerId(userId: string): Promise<string | null> {
  const db = await getDb();
  const row = await db.query.users.findFirst({ columns: { stripeCustomerId: true }, where: eq(tables.users.id, userId) });
  return row?.stripeCustomerId ?? null;
}

/** The member's Stripe customer, created once: Stripe's idempotency key makes two racing requests get the same one. */
async function ensureCustomer(user: CurrentUser): Promise<string> {
  const stored = await storedCustomerId(user.id);
  if (stored) return stored;
  const db = await getDb();
  const customer = await getStripe().customers.create({ email: user.email, metadata: { userId: user.id } }, { idempotencyKey: `customer-for-${user.id}` });
  const [claimed] = await db
    .update(tables.users)
    .set({ stripeCustomerId: customer.id })
    .where(and(eq(tables.users.id, user.id), isNull(tables.users.stripeCustomerId)))
    .returning({ id: tables.users.stripeCustomerId });
  if (claimed?.id) return claimed.id;
  const again = await storedCustomerId(user.id);
  if (!again) throw new BillingError("could not attach a Stripe customer");
  return again;
}

/** Where to send the member to pay for a plan: Stripe Checkout, or the Dojo if they already have access. */
export async function startCheckout(user: CurrentUser, planId: string): Promise<string> {
  const plan = await getActivePlan(planId);
  if (!plan) throw new BillingError("That plan is not available.");
  const access = await getAccess(user.id);
  if (access.allowed && access.via === "subscription") return "/account/billing";

  const db = await getDb();
  const hadSubscription = await db.query.subscriptions.findFirst({ columns: { id: true }, where: eq(tables.subscriptions.userId, user.id) });
  const customer = await ensureCustomer(user);
  const { APP_URL } = env();
  const session = await getStripe().checkout.sessions.create({
    mode: "subscription",
    customer,
    client_reference_id: user.id,
    line_items: [{ price: plan.stripePriceId, quantity: 1 }],
    allow_promotion_codes: true,
    success_url: `${APP_URL}/billing/success?session_id={CHECKOUT_SESSION_ID}`,
    cancel_url: `${APP_URL}/pricing?checkout=cancelled`,
    subscription_data: {
      metadata: { userId: user.id },
      // One free trial per member.
      ...(plan.trialDays > 0 && !hadSubscription ? { trial_period_days: plan.trialDays } : {}),
    },
    metadata: { userId: user.id, planId: plan.id },
  });
  if (!session.url) throw new BillingError("Stripe returned no checkout address.");
  await recordFunnelStep(db, { step: "checkout_started", prescriptionId: await claimedPrescriptionOf(db, user.id) });
  return session.url;
}

/**
 * The success page's own check, for when it arrives before the webhook: reads
 * the session and its subscription from Stripe and stores them the same way
 * the webhook does. Only the member who paid may confirm their session.
 */
export async function confirmCheckout(user: CurrentUser, sessionId: string) {
  if (!/^cs_[A-Za-z0-9_]+$/.test(sessionId)) return getAccess(user.id);
  const session = await getStripe().checkout.sessions.retrieve(sessionId, { expand: ["subscription"] });
  if (session.client_reference_id !== user.id) return getAccess(user.id);
  const subscription = session.subscription;
  if (session.status === "complete" && subscription && typeof subscription !== "string") {
    const db = await getDb();
    await db.transaction((tx) => applySubscription(tx, subscription, user.id));
  }
  return getAccess(user.id);
}

/** Where the Customer Portal sends the member back to: the billing page, which then refreshes from Stripe. */
const PORTAL_RETURN_PATH = "/account/billing?from=portal";

/** The Stripe Customer Portal for changing the card or cancelling. */
export async function openBillingPortal(user: CurrentUser): Promise<string> {
  const customer = await storedCustomerId(user.id);
  if (!customer) throw new BillingError("There is no billing account yet.");
  const portal = await getStripe().billingPortal.sessions.create({
    customer,
    return_url: `${env().APP_URL}${PORTAL_RETURN_PATH}`,
  });
  return portal.url;
}

/**
 * Back from the Customer Portal, the webhook about what the member just did may
 * still be on its way; without this, a member who has just cancelled would be
 * told their plan is unchanged. So read their subscriptions from Stripe now and
 * store them as the webhook does. Both store Stripe's current state, so which
 * one runs first does not matter.
 */
export async function refreshSubscriptionsFromStripe(user: CurrentUser): Promise<void> {
  const customer = await storedCustomerId(user.id);
  if (!customer) return;
  const { data } = await getStripe().subscriptions.list({ customer, status: "all", limit: 20 });
  const db = await getDb();
  await db.transaction(async (tx) => {
    for (const sub of data) await applySubscription(tx, sub, user.id);
  });
}
