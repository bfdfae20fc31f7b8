import "server-only";
import { and, eq, inArray, isNull, ne, or, sql } from "drizzle-orm";
import type Stripe from "stripe";
import { createSignInLink, LINK_MINUTES } from "@/lib/auth/email-link";
import { recordEvent } from "@/lib/billing/ledger";
import { getStripe } from "@/lib/billing/stripe";
import { getDb, tables, type Db, type Tx } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/outbox";
import { purchaseReadyEmail } from "@/lib/email/templates";
import { env } from "@/lib/env";

// A purchase is derived from Stripe, like a subscription: whatever event arrives
// (checkout.session.completed, charge.refunded, a dispute), in whatever order and
// however often, only its PaymentIntent id is taken from it, and the purchase is
// read again from Stripe and stored as it is now. So every order converges.

const { purchases, users } = tables;

export type PurchaseStatus = (typeof purchases.$inferSelect)["status"];
/** Statuses that give access: an open dispute keeps it until the bank decides. */
export const OWNING: PurchaseStatus[] = ["paid", "disputed"];

export interface StripePurchase {
  paymentIntentId: string;
  checkoutSessionId: string;
  productId: number;
  productTitle: string;
  /** The member who was signed in when they started the Checkout, if any. */
  clientReferenceId: string | null;
  email: string | null;
  chargeId: string | null;
  receiptUrl: string | null;
  amountCents: number;
  currency: string;
  amountRefundedCents: number;
  status: PurchaseStatus;
  paidAt: Date;
}

const idOf = (value: string | { id: string } | null | undefined) => (value == null ? null : typeof value === "string" ? value : value.id);

/** The PaymentIntent an event is about, when it may be a product purchase; undefined for everything else. */
export function purchasePaymentIntentOf(event: Stripe.Event): string | undefined {
  switch (event.type) {
    case "checkout.session.completed": {
      const session = event.data.object;
      return session.mode === "payment" ? (idOf(session.payment_intent) ?? undefined) : undefined;
    }
    case "charge.refunded":
      return idOf(event.data.object.payment_intent) ?? undefined;
    case "charge.dispute.created":
    case "charge.dispute.updated":
    case "charge.dispute.closed":
      return idOf(event.data.object.payment_intent) ?? undefined;
    default:
      return undefined;
  }
}

/** The purchase as Stripe has it now, or null when this payment is not one of our products. */
export async function readPurchaseFromStripe(paymentIntentId: string): Promise<StripePurchase | null> {
  const stripe = getStripe();
  const { data } = await stripe.checkout.sessions.list({ payment_intent: paymentIntentId, limit: 1 });
  const session = data[0];
  if (!session || session.mode !== "payment" || session.status !== "complete") return null;
  const productId = Number(session.metadata?.productId);
  if (!Number.isSafeInteger(productId) || productId <= 0) return null;
  const intent = await stripe.paymentIntents.retrieve(paymentIntentId, { expand: ["latest_charge"] });
  const charge = intent.latest_charge && typeof intent.latest_charge === "object" ? intent.latest_charge : null;
  const dispute = charge?.disputed ? (await stripe.disputes.list({ payment_intent: paymentIntentId, limit: 1 })).data[0] : undefined;
  const status: PurchaseStatus =
    dispute?.status === "lost" ? "lost" : charge?.refunded ? "refunded" : dispute && dispute.status !== "won" ? "disputed" : "paid";
  const email = session.customer_details?.email ?? session.customer_email ?? null;
  return {
    paymentIntentId,
    checkoutSessionId: session.id,
    productId,
    productTitle: session.metadata?.productTitle ?? "",
    clientReferenceId: session.client_reference_id,
    email: email ? email.trim().toLowerCase() : null,
    chargeId: charge?.id ?? null,
    receiptUrl: charge?.receipt_url ?? null,
    amountCents: intent.amount_received || intent.amount,
    currency: intent.currency,
    amountRefundedCents: charge?.amount_refunded ?? 0,
    status,
    paidAt: new Date((charge?.created ?? intent.created) * 1000),
  };
}

/** The member this purchase belongs to: the one who was signed in, else the account with the address Stripe collected. */
async function buyerOf(db: Pick<Db, "select">, found: StripePurchase): Promise<string | null> {
  const conditions = [];
  if (found.clientReferenceId) conditions.push(eq(users.id, found.clientReferenceId));
  if (found.email) conditions.push(sql`lower(${users.email}) = ${found.email}`);
  if (conditions.length === 0) return null;
  const rows = await db.select({ id: users.id }).from(users).where(or(...conditions));
  return rows.find((r) => r.id === found.clientReferenceId)?.id ?? rows[0]?.id ?? null;
}

/** Another purchase that already gives this buyer this product (the first of two tabs). */
async function ownedElsewhere(db: Pick<Db, "select">, found: StripePurchase, userId: string | null): Promise<string | null> {
  const who = userId ? eq(purchases.userId, userId) : found.email ? and(isNull(purchases.userId), eq(purchases.email, found.email)) : undefined;
  if (!who) return null;
  const [row] = await db
    .select({ id: purchases.id })
    .from(purchases)
    .where(and(who, eq(purchases.productId, found.productId), inArray(purchases.status, OWNING), ne(purchases.paymentIntentId, found.paymentIntentId)))
    .limit(1);
  return row?.id ?? null;
}

/**
 * Reads the purchase from Stripe and stores it. With `event`, the event id goes into
 * the ledger in the same transaction, and a delivery that finds it there changes
 * nothing (returns false). A second payment for something the buyer already owns
 * (two tabs) is refunded first (Stripe's idempotency key makes a retry refund once),
 * then stored as a refunded duplicate.
 */
export async function syncPurchase(paymentIntentId: string, event?: Stripe.Event): Promise<boolean> {
  const db = await getDb();
  let found = await readPurchaseFromStripe(paymentIntentId);
  let duplicateOf: string | null = null;
  if (found && found.status === "paid") {
    duplicateOf = await ownedElsewhere(db, found, await buyerOf(db, found));
    if (duplicateOf) {
      await getStripe().refunds.create(
        { payment_intent: paymentIntentId, reason: "duplicate", metadata: { duplicateOf } },
        { idempotencyKey: `duplicate-purchase-${paymentIntentId}` },
      );
      found = await readPurchaseFromStripe(paymentIntentId);
    }
  }
  return db.transaction(async (tx) => {
    if (event && !(await recordEvent(tx, event, null, null))) return false;
    if (found) await storePurchase(tx, found, duplicateOf);
    return true;
  });
}

async function storePurchase(tx: Tx, found: StripePurchase, duplicateOf: string | null): Promise<void> {
  const userId = await buyerOf(tx, found);
  const owning = OWNING.includes(found.status);
  const product = await tx.query.products.findFirst({ columns: { title: true }, where: eq(tables.products.id, found.productId) });
  if (!product) throw new Error(`a payment for product ${found.productId}, which does not exist`);
  const values = {
    userId,
    email: found.email,
    productId: found.productId,
    productTitle: found.productTitle || product.title,
    checkoutSessionId: found.checkoutSessionId,
    paymentIntentId: found.paymentIntentId,
    chargeId: found.chargeId,
    receiptUrl: found.receiptUrl,
    amountCents: found.amountCents,
    currency: found.currency,
    amountRefundedCents: found.amountRefundedCents,
    status: found.status,
    duplicateOf,
    paidAt: found.paidAt,
    endedAt: owning ? null : new Date(),
  };
  const [row] = await tx
    .insert(purchases)
    .values(values)
    .onConflictDoUpdate({
      target: purchases.paymentIntentId,
      set: {
        // A purchase keeps the account it was given (the member may have changed address since).
        userId: sql`coalesce(${purchases.userId}, excluded.user_id)`,
        chargeId: values.chargeId,
        receiptUrl: values.receiptUrl,
        amountRefundedCents: values.amountRefundedCents,
        status: values.status,
        duplicateOf: sql`coalesce(${purchases.duplicateOf}, excluded.duplicate_of)`,
        // The first end is the date the library shows; a dispute won gives access back.
        endedAt: owning ? null : sql`coalesce(${purchases.endedAt}, now())`,
        updatedAt: new Date(),
      },
    })
    .returning({ id: purchases.id, inserted: sql<boolean>`(xmax = 0)` });

  // Bought signed out: the library is reached by a sign-in link, the same kind sign-in sends.
  if (row?.inserted && owning && !found.clientReferenceId && found.email) {
    const url = await createSignInLink(tx, found.email, "/account/library");
    const message = purchaseReadyEmail({ url, minutes: LINK_MINUTES, signInUrl: new URL("/signin", env().APP_URL).toString() });
    await enqueueEmail({ to: found.email, userId: userId ?? undefined, dedupeKey: `purchase-ready:${found.paymentIntentId}`, ...message }, tx);
  }
}
