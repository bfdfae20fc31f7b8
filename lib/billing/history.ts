import "server-only";
import { eq } from "drizzle-orm";
import { tables, type Tx } from "@/lib/db";
import { recordFunnelStep } from "@/lib/quiz/funnel";
import { claimedPrescriptionOf } from "@/lib/quiz/results";


/** Statuses whose subscription pays now (past_due is still owed, and still in for its grace period). */
const PAYING = new Set(["active", "past_due"]);

export type MrrKind = "new" | "expansion" | "contraction" | "churn";
export interface MrrMove {
  kind: MrrKind;
  amountMinor: number;
  currency: string;
}

/** What one subscription adds to monthly recurring revenue: a yearly plan counts a twelfth a month. */
export function monthlyValue(status: string, plan: { amountCents: number; interval: "month" | "year"; currency: string } | null): { minor: number; currency: string | null } {
  if (!plan || !PAYING.has(status)) return { minor: 0, currency: null };
  return { minor: plan.interval === "year" ? Math.round(plan.amountCents / 12) : plan.amountCents, currency: plan.currency };
}

/** The changes between two recorded values: a change of currency is one churn and one new. Pure, for the tests. */
export function mrrMoves(before: { minor: number; currency: string | null }, after: { minor: number; currency: string | null }): MrrMove[] {
  if (before.minor === after.minor && (before.minor === 0 || before.currency === after.currency)) return [];
  if (before.minor > 0 && after.minor > 0 && before.currency === after.currency) {
    const delta = after.minor - before.minor;
    return [{ kind: delta > 0 ? "expansion" : "contraction", amountMinor: delta, currency: after.currency! }];
  }
  const moves: MrrMove[] = [];
  if (before.minor > 0) moves.push({ kind: "churn", amountMinor: -before.minor, currency: before.currency! });
  if (after.minor > 0) moves.push({ kind: "new", amountMinor: after.minor, currency: after.currency! });
  return moves;
}

/**
 * Called in the transaction that just stored Stripe's view of a subscription (which holds its
 * row lock, so two deliveries for one subscription take turns): compares what the row now pays
 * with what was last recorded, writes the difference to mrr_changes, and counts the funnel's
 * trial and first payment once each. Everything the dashboard's money history needs, kept as it
 * happens, because Stripe's subscription alone says only where it stands now.
 */
export async function recordRevenueChange(tx: Tx, subscriptionId: string, now = new Date()): Promise<void> {
  const s = tables.subscriptions;
  const p = tables.plans;
  const [row] = await tx
    .select({
      userId: s.userId,
      status: s.status,
      priceId: s.stripePriceId,
      mrrMinor: s.mrrMinor,
      mrrCurrency: s.mrrCurrency,
      firstPaidAt: s.firstPaidAt,
      trialStartedAt: s.trialStartedAt,
      amountCents: p.amountCents,
      interval: p.interval,
      currency: p.currency,
    })
    .from(s)
    .leftJoin(p, eq(p.stripePriceId, s.stripePriceId))
    .where(eq(s.id, subscriptionId))
    .for("update", { of: s });
  if (!row) return;
  const plan = row.amountCents === null || row.interval === null || row.currency === null ? null : { amountCents: row.amountCents, interval: row.interval, currency: row.currency };
  const after = monthlyValue(row.status, plan);
  const moves = mrrMoves({ minor: row.mrrMinor, currency: row.mrrCurrency }, after);
  const firstPaid = row.firstPaidAt === null && after.minor > 0;
  const trialStarted = row.trialStartedAt === null && row.status === "trialing";
  if (moves.length === 0 && !firstPaid && !trialStarted) return;

  if (moves.length > 0) {
    await tx.insert(tables.mrrChanges).values(moves.map((m) => ({ ...m, subscriptionId, stripePriceId: row.priceId, occurredAt: now })));
  }
  await tx
    .update(s)
    .set({
      mrrMinor: after.minor,
      mrrCurrency: after.currency,
      ...(firstPaid ? { firstPaidAt: now } : {}),
      ...(trialStarted ? { trialStartedAt: now } : {}),
    })
    .where(eq(s.id, subscriptionId));
  if (firstPaid || trialStarted) {
    const prescriptionId = await claimedPrescriptionOf(tx, row.userId);
    if (trialStarted) await recordFunnelStep(tx, { step: "trial_started", prescriptionId, at: now });
    if (firstPaid) await recordFunnelStep(tx, { step: "paid", prescriptionId, at: now });
  }
}

/**
 * An account being deleted takes its subscriptions with it, before Stripe's word of the
 * cancellation can arrive: what they paid leaves the revenue history here, in the deletion's
 * own transaction, so the month-by-month figures still add up to the MRR that remains.
 */
export async function recordChurnOfDeletedAccount(tx: Tx, userId: string, now = new Date()): Promise<void> {
  const s = tables.subscriptions;
  const paying = await tx
    .select({ id: s.id, priceId: s.stripePriceId, minor: s.mrrMinor, currency: s.mrrCurrency })
    .from(s)
    .where(eq(s.userId, userId))
    .for("update");
  const moves = paying.flatMap((sub) => mrrMoves({ minor: sub.minor, currency: sub.currency }, { minor: 0, currency: null }).map((m) => ({ ...m, subscriptionId: sub.id, stripePriceId: sub.priceId, occurredAt: now })));
  if (moves.length > 0) await tx.insert(tables.mrrChanges).values(moves);
}
