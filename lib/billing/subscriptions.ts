import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import { cache } from "react";
import type Stripe from "stripe";
import { getDb, preparedStatement, tables, type Db } from "@/lib/db";
import { env } from "@/lib/env";
import { decideAccess, type Access, type CompState, type SubscriptionState } from "./access";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

const toDate = (seconds: number | null | undefined) => (seconds ? new Date(seconds * 1000) : null);
const idOf = (v: string | { id: string } | null | undefined) => (typeof v === "string" ? v : (v?.id ?? null));

/**
 * Stores Stripe's current view of a subscription. Both the webhook and the
 * checkout success page call this with a subscription freshly read from Stripe,
 * so whichever runs first, and in whatever order events arrive, the row ends up
 * as Stripe has it. Returns false when no member owns the subscription's customer.
 * Two statements: the owner, then one upsert (the webhook's rate depends on it).
 */
export async function applySubscription(tx: Tx, sub: Stripe.Subscription, userIdHint?: string | null): Promise<boolean> {
  const customerId = idOf(sub.customer);
  if (!customerId) return false;
  const userId = userIdHint ?? sub.metadata?.userId ?? null;
  const [owner] = await tx
    .select({ id: tables.users.id })
    .from(tables.users)
    .where(userId ? eq(tables.users.id, userId) : eq(tables.users.stripeCustomerId, customerId))
    .limit(1);
  if (!owner) return false;

  const item = sub.items.data[0];
  const row = {
    userId: owner.id,
    stripeCustomerId: customerId,
    status: sub.status,
    stripePriceId: item?.price.id ?? null,
    currentPeriodEnd: toDate(item?.current_period_end),
    cancelAtPeriodEnd: sub.cancel_at_period_end,
    trialEnd: toDate(sub.trial_end),
    pastDueSince: sub.status === "past_due" ? new Date() : null,
    endedAt: toDate(sub.ended_at),
    updatedAt: new Date(),
  };
  // The grace period counts from the first moment we saw this spell of past_due: a row
  // that is already past_due keeps its date, decided in the same statement as the write.
  const { subscriptions } = tables;
  const pastDueSince = sql`case when excluded.status = 'past_due'
    then coalesce(case when ${subscriptions.status} = 'past_due' then ${subscriptions.pastDueSince} end, excluded.past_due_since) end`;
  await tx
    .insert(subscriptions)
    .values({ id: sub.id, ...row })
    .onConflictDoUpdate({ target: subscriptions.id, set: { ...row, pastDueSince } });
  return true;
}

// Both lists in one round trip: every signed-in page asks for them. JSON carries
// timestamps as ISO strings, turned back into dates below.
interface AccessJson {
  subs: { status: string; currentPeriodEnd: string | null; cancelAtPeriodEnd: boolean; pastDueSince: string | null; stripePriceId: string | null }[];
  comps: { endsAt: string; revokedAt: string | null }[];
}
const accessRowsQuery = preparedStatement((db) =>
  db
    .select({
      subs: sql<AccessJson["subs"]>`coalesce((select json_agg(json_build_object(
          'status', s.status, 'currentPeriodEnd', s.current_period_end, 'cancelAtPeriodEnd', s.cancel_at_period_end,
          'pastDueSince', s.past_due_since, 'stripePriceId', s.stripe_price_id))
        from ${tables.subscriptions} s where s.user_id = ${sql.placeholder("userId")}), '[]'::json)`,
      comps: sql<AccessJson["comps"]>`coalesce((select json_agg(json_build_object('endsAt', c.ends_at, 'revokedAt', c.revoked_at))
        from ${tables.comps} c where c.user_id = ${sql.placeholder("userId")}), '[]'::json)`,
    })
    .from(tables.users)
    .where(eq(tables.users.id, sql.placeholder("userId")))
    .prepare("access_rows"),
);

const dateOrNull = (iso: string | null) => (iso === null ? null : new Date(iso));

/**
 * A member's subscriptions and comps, read once per request (React's cache; outside a
 * request, e.g. in the webhook or tests, every call reads). A Dojo page asks twice — the
 * gate, then the lesson code, each checking for itself — and both want the same rows.
 * Nothing that changes billing in a request reads access before the change (see confirmCheckout).
 */
const accessRows = cache(async (userId: string): Promise<{ subs: SubscriptionState[]; comps: CompState[] }> => {
  const [row] = await (await accessRowsQuery()).execute({ userId });
  return {
    subs: (row?.subs ?? []).map((s) => ({ ...s, currentPeriodEnd: dateOrNull(s.currentPeriodEnd), pastDueSince: dateOrNull(s.pastDueSince) })),
    comps: (row?.comps ?? []).map((c) => ({ endsAt: new Date(c.endsAt), revokedAt: dateOrNull(c.revokedAt) })),
  };
});

/** What the gate needs to know about one member, right now. */
export async function getAccess(userId: string, now = new Date()): Promise<Access> {
  const { subs, comps } = await accessRows(userId);
  return decideAccess(subs, comps, now, env().PAST_DUE_GRACE_DAYS);
}

/** The member's newest subscription with its plan, for the billing page. */
export async function latestSubscription(userId: string) {
  const db = await getDb();
  const [row] = await db
    .select({
      status: tables.subscriptions.status,
      currentPeriodEnd: tables.subscriptions.currentPeriodEnd,
      cancelAtPeriodEnd: tables.subscriptions.cancelAtPeriodEnd,
      trialEnd: tables.subscriptions.trialEnd,
      planName: tables.plans.name,
      amountCents: tables.plans.amountCents,
      currency: tables.plans.currency,
      interval: tables.plans.interval,
    })
    .from(tables.subscriptions)
    .leftJoin(tables.plans, eq(tables.plans.stripePriceId, tables.subscriptions.stripePriceId))
    .where(and(eq(tables.subscriptions.userId, userId)))
    .orderBy(desc(tables.subscriptions.updatedAt))
    .limit(1);
  return row ?? null;
}
