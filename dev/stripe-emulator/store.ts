// The emulator's state. It lives in memory only: this is a development
// stand-in, so a restart forgets every customer and subscription (the app's
// database may then point at ids the emulator no longer knows — restart both,
// or start from a fresh database).
import type Stripe from "stripe";
import type { TestCard } from "./cards";
import { buildCoupon, buildPrice, buildProduct, buildPromotionCode } from "./objects";
import { newId } from "./ids";
import { nowSeconds } from "./time";

/** What a Checkout Session carries that Stripe keeps to itself until payment. */
export interface CheckoutPlan {
  lineItems: Stripe.LineItem[];
  /** `payment_intent_data[metadata]`: copied onto the PaymentIntent and its Charge in payment mode. */
  paymentIntentMetadata?: Record<string, string>;
  trialPeriodDays: number | null;
  subscriptionMetadata: Record<string, string>;
  /** A discount fixed at creation (`discounts[0][coupon|promotion_code]`). */
  presetDiscount: { coupon: string; promotionCode: string | null } | null;
}

export const SEED = {
  productId: "prod_dojo_membership",
  monthlyPriceId: "price_dojo_monthly",
  yearlyPriceId: "price_dojo_yearly",
  couponId: "dojo_welcome20",
  promotionCode: "WELCOME20",
} as const;

export class Store {
  readonly products = new Map<string, Stripe.Product>();
  readonly prices = new Map<string, Stripe.Price>();
  readonly coupons = new Map<string, Stripe.Coupon>();
  readonly promotionCodes = new Map<string, Stripe.PromotionCode>();
  readonly customers = new Map<string, Stripe.Customer>();
  readonly paymentMethods = new Map<string, Stripe.PaymentMethod>();
  /** Which test card each payment method is, i.e. what charging it does (Stripe keeps the number, not us). */
  readonly testCards = new Map<string, TestCard>();
  readonly checkoutSessions = new Map<string, Stripe.Checkout.Session>();
  readonly checkoutPlans = new Map<string, CheckoutPlan>();
  readonly subscriptions = new Map<string, Stripe.Subscription>();
  readonly invoices = new Map<string, Stripe.Invoice>();
  readonly discounts = new Map<string, Stripe.Discount>();
  readonly portalSessions = new Map<string, Stripe.BillingPortal.Session>();
  readonly paymentIntents = new Map<string, Stripe.PaymentIntent>();
  readonly charges = new Map<string, Stripe.Charge>();
  readonly refunds = new Map<string, Stripe.Refund>();
  readonly disputes = new Map<string, Stripe.Dispute>();
  /** The one Customer Portal configuration every portal session uses. */
  readonly portalConfigurationId = newId("bpc_");

  constructor() {
    this.seed();
  }

  /** The catalogue the app's price ids refer to; fixed ids so `.env` files can name them. */
  private seed(): void {
    const now = nowSeconds();
    const product = buildProduct({
      id: SEED.productId,
      name: "Breakup Dojo membership",
      description: "Lessons released over time, coach-read check-ins and the ex-communication newsletter.",
      now,
    });
    const monthly = buildPrice({
      id: SEED.monthlyPriceId,
      product: product.id,
      unitAmount: 1900,
      currency: "usd",
      interval: "month",
      nickname: "Monthly",
      lookupKey: "dojo_monthly",
      now,
    });
    const yearly = buildPrice({
      id: SEED.yearlyPriceId,
      product: product.id,
      unitAmount: 15900,
      currency: "usd",
      interval: "year",
      nickname: "Yearly",
      lookupKey: "dojo_yearly",
      now,
    });
    product.default_price = monthly.id;
    this.products.set(product.id, product);
    this.prices.set(monthly.id, monthly);
    this.prices.set(yearly.id, yearly);
    const coupon = buildCoupon({ id: SEED.couponId, name: "Welcome, 20% off", percentOff: 20, now });
    this.coupons.set(coupon.id, coupon);
    const promo = buildPromotionCode({ code: SEED.promotionCode, coupon: coupon.id, now });
    this.promotionCodes.set(promo.id, promo);
  }

  /** Any stored object by id, for `expand[]`. */
  find(id: string): object | undefined {
    const maps: ReadonlyArray<Map<string, object>> = [
      this.customers,
      this.subscriptions,
      this.invoices,
      this.checkoutSessions,
      this.prices,
      this.products,
      this.paymentMethods,
      this.discounts,
      this.promotionCodes,
      this.coupons,
      this.portalSessions,
      this.paymentIntents,
      this.charges,
      this.refunds,
      this.disputes,
    ];
    for (const map of maps) {
      const found = map.get(id);
      if (found) return found;
    }
    return undefined;
  }

  /** Active promotion code by its customer-facing code; Stripe matches codes case-insensitively. */
  promotionCodeByCode(code: string): Stripe.PromotionCode | undefined {
    const wanted = code.trim().toUpperCase();
    for (const promo of this.promotionCodes.values()) if (promo.active && promo.code.toUpperCase() === wanted) return promo;
    return undefined;
  }

  subscriptionsOf(customerId: string): Stripe.Subscription[] {
    return [...this.subscriptions.values()].filter((sub) => sub.customer === customerId);
  }
}

/** Newest first, as Stripe lists. Insertion order breaks ties within the same second. */
export function newestFirst<T extends { created: number }>(items: Iterable<T>): T[] {
  return [...items].map((item, index) => ({ item, index })).sort((a, b) => b.item.created - a.item.created || b.index - a.index).map(({ item }) => item);
}
