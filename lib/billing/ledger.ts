import "server-only";
import { sql } from "drizzle-orm";
import type Stripe from "stripe";
import { columnName, rowsOf, tables, type Db } from "@/lib/db";
import { subscriptionUpsert } from "./subscriptions";

// The Stripe event ledger: every event applied, once. Its own module so that other
// capabilities' webhook effects (lib/products) write it in their own transactions.

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

