import "server-only";
import { and, gte, lt, sql } from "drizzle-orm";
import type { CurrentUser } from "@/lib/auth/current-user";
import { assertAdmin } from "@/lib/auth/guards";
import { localMonth } from "@/lib/dashboard/local-time";
import { getDb, tables } from "@/lib/db";

// One-time revenue for the owner's dashboard, beside MRR. Each purchase counts in the
// calendar month it was paid, in the dashboard's zone; what was refunded, and what a lost dispute took back, comes
// off that same month, so a month's figure settles rather than moving money between months.

const { purchases } = tables;

export interface MonthRevenue {
  /** "2026-11" */
  month: string;
  currency: string;
  purchases: number;
  grossCents: number;
  refundedCents: number;
  /** What lost disputes took back (beyond any refund before them). */
  disputedCents: number;
  netCents: number;
}

/** Paid from `from` (inclusive) to `to` (exclusive), by month (in `zone`) and currency, oldest month first. Admins only. */
export async function oneTimeRevenue(actor: CurrentUser, range: { from: Date; to: Date }, zone = "UTC"): Promise<MonthRevenue[]> {
  assertAdmin(actor);
  if (!(range.from < range.to)) return [];
  const db = await getDb();
  const month = localMonth(purchases.paidAt, zone);
  const lost = sql<number>`coalesce(sum(case when ${purchases.status} = 'lost' then ${purchases.amountCents} - ${purchases.amountRefundedCents} else 0 end), 0)::int`;
  const rows = await db
    .select({
      month,
      currency: purchases.currency,
      purchases: sql<number>`count(*)::int`,
      grossCents: sql<number>`coalesce(sum(${purchases.amountCents}), 0)::int`,
      refundedCents: sql<number>`coalesce(sum(${purchases.amountRefundedCents}), 0)::int`,
      disputedCents: lost,
    })
    .from(purchases)
    .where(and(gte(purchases.paidAt, range.from), lt(purchases.paidAt, range.to)))
    .groupBy(month, purchases.currency)
    .orderBy(month, purchases.currency);
  return rows.map((r) => ({ ...r, netCents: r.grossCents - r.refundedCents - r.disputedCents }));
}
