import "server-only";
import { and, desc, eq, sql, type SQL } from "drizzle-orm";
import { alias, type AnyPgColumn } from "drizzle-orm/pg-core";
import { cache } from "react";
import type Stripe from "stripe";
import { columnName, excluded, getDb, jsonBuildObject, preparedStatement, rowsOf, tables, type Tx } from "@/lib/db";
import { env } from "@/lib/env";
import { recordRevenueChange } from "./history";
import { decideAccess, type Access, type CompState, type SubscriptionState } from "./access";


/** The id of a Stripe field that is either an id or the expanded object. */
export const idOf = (v: string | { id: string } | null | undefined) => (typeof v === "string" ? v : (v?.id ?? null));

const isoOrNull = (seconds: number | null | undefined) => (seconds ? new Date(seconds * 1000).toISOString() : null);

// Short names for the tables in the hand-written statements below, as rendered into the SQL ("s"."status").
const s = alias(tables.subscriptions, "s");
const u = alias(tables.users, "u");
const c = alias(tables.comps, "c");

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
  const t = tables.subscriptions;
  const owner = userId ? sql`${u.id} = ${userId}` : sql`${u.stripeCustomerId} = ${customerId}`;
  // Each column beside the value it gets, so the INSERT's column list and its SELECT cannot drift apart.
  const values: [AnyPgColumn, SQL][] = [
    [t.id, sql`${sub.id}::text`],
    [t.userId, sql`${u.id}`],
    [t.stripeCustomerId, sql`${customerId}::text`],
    [t.status, sql`${sub.status}::text`],
    [t.stripePriceId, sql`${item?.price.id ?? null}::text`],
    [t.currentPeriodEnd, sql`${isoOrNull(item?.current_period_end)}::timestamptz`],
    [t.cancelAtPeriodEnd, sql`${sub.cancel_at_period_end}::boolean`],
    [t.trialEnd, sql`${isoOrNull(sub.trial_end)}::timestamptz`],
    [t.pastDueSince, sql`case when ${sub.status}::text = 'past_due' then now() end`],
    [t.endedAt, sql`${isoOrNull(sub.ended_at)}::timestamptz`],
    [t.updatedAt, sql`now()`],
  ];
  const replaced = [t.userId, t.stripeCustomerId, t.status, t.stripePriceId, t.currentPeriodEnd, t.cancelAtPeriodEnd, t.trialEnd, t.endedAt, t.updatedAt];
  // The grace period counts from the first moment we saw this spell of past_due: a row that
  // is already past_due keeps its date (past_due_since), decided in the same statement as the write.
  return sql`insert into ${t} as ${s} (${sql.join(values.map(([column]) => columnName(column)), sql`, `)})
    select ${sql.join(values.map(([, value]) => value), sql`, `)}
    from ${tables.users} ${u} where ${owner}${onlyIf ? sql` and ${onlyIf}` : sql``}
    limit 1
    on conflict (${columnName(t.id)}) do update set ${sql.join(replaced.map((column) => sql`${columnName(column)} = ${excluded(column)}`), sql`, `)},
      ${columnName(t.pastDueSince)} = case when ${excluded(t.status)} = 'past_due'
        then coalesce(case when ${s.status} = 'past_due' then ${s.pastDueSince} end, ${excluded(t.pastDueSince)}) end
    returning ${s.id}`;
}

/**
 * Stores Stripe's current view of a subscription. Both the webhook and the
 * checkout success page call this with a subscription freshly read from Stripe,
 * so whichever runs first, and in whatever order events arrive, the row ends up
 * as Stripe has it. Returns false when no member owns the subscription's customer.
 */
export async function applySubscription(tx: Tx, sub: Stripe.Subscription, userIdHint?: string | null): Promise<boolean> {
  const statement = subscriptionUpsert(sub, userIdHint ?? null);
  if (!statement || rowsOf(await tx.execute(statement)).length === 0) return false;
  await recordRevenueChange(tx, sub.id);
  return true;
}

// Both lists in one round trip: every signed-in page asks for them. JSON carries
// timestamps as ISO strings, turned back into dates below.
export interface AccessJson {
  subs: { status: string; currentPeriodEnd: string | null; cancelAtPeriodEnd: boolean; pastDueSince: string | null; stripePriceId: string | null }[];
  comps: { endsAt: string; revokedAt: string | null }[];
}
// Exported for the test of the row's shape.
export const accessRowsQuery = preparedStatement((db) => {
  const userId = sql.placeholder("userId");
  const subs = sql`select json_agg(${jsonBuildObject<AccessJson["subs"][number]>({
    status: s.status,
    currentPeriodEnd: s.currentPeriodEnd,
    cancelAtPeriodEnd: s.cancelAtPeriodEnd,
    pastDueSince: s.pastDueSince,
    stripePriceId: s.stripePriceId,
  })}) from ${tables.subscriptions} ${s} where ${s.userId} = ${userId}`;
  const comps = sql`select json_agg(${jsonBuildObject<AccessJson["comps"][number]>({ endsAt: c.endsAt, revokedAt: c.revokedAt })})
    from ${tables.comps} ${c} where ${c.userId} = ${userId}`;
  // The subqueries are fragments of their own, or drizzle would strip their tables from the columns (one-table select).
  return db
    .select({
      subs: sql<AccessJson["subs"]>`coalesce((${subs}), '[]'::json)`,
      comps: sql<AccessJson["comps"]>`coalesce((${comps}), '[]'::json)`,
    })
    .from(tables.users)
    .where(eq(tables.users.id, userId))
    .prepare("access_rows");
});

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
