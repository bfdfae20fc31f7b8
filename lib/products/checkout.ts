import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Refusal } from "@/lib/actions/state";
import { validate } from "@/lib/actions/validate";
import type { CurrentUser } from "@/lib/auth/current-user";
import { emailSchema } from "@/lib/auth/email-link";
import { getStripe } from "@/lib/billing/stripe";
import { getDb, tables } from "@/lib/db";
import { env } from "@/lib/env";
import { OWNING, readPurchaseFromStripe, syncPurchase } from "./purchases";

const { products, purchases } = tables;

export const buyInput = z.object({
  slug: z.string().trim().min(1).max(80),
  /** Only asked of someone who is not signed in: where the receipt and the library link go. */
  email: z.string().optional(),
});

export type BuyOutcome = { ok: true; kind: "checkout"; url: string } | { ok: true; kind: "owned" } | Refusal;

/** Whether the member owns the product now (paid, or a dispute still open). */
export async function ownsProduct(userId: string, productId: number): Promise<boolean> {
  const db = await getDb();
  const [row] = await db
    .select({ id: purchases.id })
    .from(purchases)
    .where(and(eq(purchases.userId, userId), eq(purchases.productId, productId), inArray(purchases.status, OWNING)))
    .limit(1);
  return row !== undefined;
}

/** A published product, as the buy page shows it, or null. */
export async function productForSale(slug: string) {
  const db = await getDb();
  return (
    (await db.query.products.findFirst({
      columns: { id: true, slug: true, title: true, summary: true, priceCents: true, currency: true },
      where: and(eq(products.slug, slug), eq(products.status, "published")),
    })) ?? null
  );
}

/**
 * Where to send the buyer: Stripe Checkout in payment mode, or (a member who owns it
 * already) nowhere, so they are not charged twice. Someone signed out gives an email
 * and is not told whether that address owns it already (that would tell anyone who
 * bought what); a second payment by the same address is refunded when it arrives.
 */
export async function startProductCheckout(actor: CurrentUser | null, input: unknown): Promise<BuyOutcome> {
  const parsed = validate(buyInput, input);
  if (!parsed.ok) return parsed;
  const product = await productForSale(parsed.data.slug);
  if (!product) return { ok: false, error: "That product isn’t on sale any more." };

  let email: string | null = null;
  if (actor) {
    if (await ownsProduct(actor.id, product.id)) return { ok: true, kind: "owned" };
  } else {
    const checked = validate(emailSchema, parsed.data.email ?? "");
    if (!checked.ok) return { ok: false, error: checked.error, fieldErrors: { email: checked.error } };
    email = checked.data;
  }

  const db = await getDb();
  const customer = actor ? (await db.query.users.findFirst({ columns: { stripeCustomerId: true }, where: eq(tables.users.id, actor.id) }))?.stripeCustomerId : null;
  const { APP_URL } = env();
  const metadata = { productId: String(product.id), productTitle: product.title.slice(0, 450) };
  const session = await getStripe().checkout.sessions.create({
    mode: "payment",
    line_items: [{ quantity: 1, price_data: { currency: product.currency, unit_amount: product.priceCents, product_data: { name: product.title } } }],
    ...(customer ? { customer } : { customer_email: actor?.email ?? email ?? undefined }),
    ...(actor ? { client_reference_id: actor.id } : {}),
    allow_promotion_codes: true,
    metadata,
    payment_intent_data: { metadata },
    success_url: `${APP_URL}/billing/products/done?session_id={CHECKOUT_SESSION_ID}`,
    cancel_url: `${APP_URL}/products/${product.slug}`,
  });
  if (!session.url) throw new Error("Stripe returned no checkout address");
  return { ok: true, kind: "checkout", url: session.url };
}

/**
 * The page Stripe sends the buyer back to, for when it arrives before the webhook:
 * stores the purchase from Stripe the same way the webhook does. Says only what the
 * visitor may know: a signed-in buyer goes to their library; anyone else is told to
 * look in their email (the session id in the address is as good as a receipt number).
 */
export async function confirmProductCheckout(actor: CurrentUser | null, sessionId: string): Promise<"library" | "email" | "pending" | "unknown"> {
  if (!/^cs_[A-Za-z0-9_]{10,200}$/.test(sessionId)) return "unknown";
  let session;
  try {
    session = await getStripe().checkout.sessions.retrieve(sessionId);
  } catch {
    return "unknown";
  }
  if (session.mode !== "payment" || !session.metadata?.productId) return "unknown";
  const paymentIntentId = typeof session.payment_intent === "string" ? session.payment_intent : session.payment_intent?.id;
  if (session.status !== "complete" || !paymentIntentId) return "pending";
  await syncPurchase(paymentIntentId);
  if (actor && session.client_reference_id === actor.id) return "library";
  const found = await readPurchaseFromStripe(paymentIntentId);
  return found ? "email" : "pending";
}
