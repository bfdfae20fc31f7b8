import "server-only";
import { and, desc, eq, sql, type SQL } from "drizzle-orm";
import { cache } from "react";
import type Stripe from "stripe";
import { getDb, preparedStatement, rowsOf, tables, type Db } from "@/lib/db";
import { env } from "@/lib/env";
import { decideAccess, type Access, type CompState, type SubscriptionState } from "./access";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** The id of a Stripe field that is either an id or the expanded object. */
export const idOf = (v: string | { id: string } | null | undefined) => (typeof v === "string" ? v : (v?.id ?? null));

const isoOrNull = (seconds: number | null | undefined) => (seconds ? new Date(seconds * 1000).toISOString() : null);

/**
 * The one statement that stores Stripe's current view of a subscription for its owner,
 * or null when the subscription names no customer. The owner is found in the same
 * statement (the hinted user, else whoever holds the Stripe customer), so when there is
 * none nothing is written. `onlyIf` adds a condition (the webhook's "the event was just
 * recorded"). Returns the subscription's id when a row was written. Written as SQL, not
 * with drizzle's builder, so the webhook can run it together with its ledger entry.
 */
export function subscriptionUpsert(sub: Stripe.Subscription, userIdHint: string | null, onlyIf?: SQL): SQL | null {
  const customerId = idOf(sub.customer);
  if (!customerId) return null;
  const userId = userIdHint ?? sub.metadata?.userId ?? null;
  const item = sub.items.data[0];
  const owner = userId ? sql`u.id = ${userId}` : sql`u.stripe_customer_id = ${customerId}`;
  // The grace period counts from the first moment we saw this spell of past_due: a row that
  // is already past_due keeps its date (past_due_since), decided in the same statement as the write.
  return sql`insert into ${tables.subscriptions} as s (id, user_id, stripe_customer_id, status, stripe_price_id,
      current_period_end, cancel_at_period_end, trial_end, past_due_since, ended_at, updated_at)
    select ${sub.id}::text, u.id, ${customerId}::text, ${sub.status}::text, ${item?.price.id ?? null}::text,
      ${isoOrNull(item?.current_period_end)}::timestamptz, ${sub.cancel_at_period_end}::boolean, ${isoOrNull(sub.trial_end)}::timestamptz,
      case when ${sub.status}::text = 'past_due' then now() end, ${isoOrNull(sub.ended_at)}::timestamptz, now()
    from ${tables.users} u where ${owner}${onlyIf ? sql` and ${onlyIf}` : sql``}
    limit 1
    on conflict (id) do update set user_id = excluded.user_id, stripe_customer_id = excluded.stripe_customer_id,
      status = excluded.status, stripe_price_id = excluded.stripe_price_id, current_period_end = excluded.current_period_end,
      cancel_at_period_end = excluded.cancel_at_period_end, trial_end = excluded.trial_end, ended_at = excluded.ended_at,
      updated_at = excluded.updated_at,
      past_due_since = case when excluded.status = 'past_due'
        then coalesce(case when s.status = 'past_due' then s.past_due_since end, excluded.past_due_since) end
    returning s.id`;
}

/**
 * Stores Stripe's current view of a subscription. Both the webhook and the
 * checkout success page call this with a subscription freshly read from Stripe,
 * so whichever runs first, and in whatever order events arrive, the row ends up
 * as Stripe has it. Returns false when no member owns the subscription's customer.
 */
export async function applySubscription(tx: Tx, sub: Stripe.Subscription, userIdHint?: string | null): Promise<boolean> {
  const statement = subscriptionUpsert(sub, userIdHint ?? null);
  return statement ? rowsOf(await tx.execute(statement)).length > 0 : false;
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
