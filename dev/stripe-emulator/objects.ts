// Builders for Stripe objects. Each returns the SDK's own type for this API
// version (`stripe` v23, 2026-10-28.endive), so a field the SDK expects and the
// emulator forgot — or a field that moved, like `current_period_end` now on
// subscription items — is a type error here rather than a surprise in the app.
import type Stripe from "stripe";
import type { TestCard } from "./cards";
import { newId, newInvoicePrefix } from "./ids";
import type { Interval } from "./time";

export const API_VERSION = "2026-10-28.endive";

/**
 * Decimal fields travel as strings ("1900"); the SDK turns them into its
 * `Decimal` class when it reads a response. The store holds the wire form, so
 * the string is cast to the SDK's post-parsing type once, here.
 */
function wireDecimal(value: number): Stripe.Decimal {
  return String(value) as unknown as Stripe.Decimal;
}

export function buildProduct(input: { id?: string; name: string; description?: string; now: number }): Stripe.Product {
  return {
    id: input.id ?? newId("prod_", 14),
    object: "product",
    active: true,
    created: input.now,
    default_price: null,
    description: input.description ?? null,
    images: [],
    livemode: false,
    marketing_features: [],
    metadata: {},
    name: input.name,
    package_dimensions: null,
    shippable: null,
    statement_descriptor: null,
    tax_code: null,
    tax_details: null,
    type: "service",
    unit_label: null,
    updated: input.now,
    url: null,
  };
}

export function buildPrice(input: {
  id?: string;
  product: string;
  unitAmount: number;
  currency: string;
  interval: Interval;
  intervalCount?: number;
  nickname: string;
  lookupKey?: string;
  now: number;
}): Stripe.Price {
  return {
    id: input.id ?? newId("price_"),
    object: "price",
    active: true,
    billing_scheme: "per_unit",
    created: input.now,
    currency: input.currency,
    custom_unit_amount: null,
    livemode: false,
    lookup_key: input.lookupKey ?? null,
    metadata: {},
    nickname: input.nickname,
    product: input.product,
    recurring: {
      interval: input.interval,
      interval_count: input.intervalCount ?? 1,
      meter: null,
      trial_period_days: null,
      usage_type: "licensed",
    },
    tax_behavior: "unspecified",
    tiers_mode: null,
    transform_quantity: null,
    type: "recurring",
    unit_amount: input.unitAmount,
    unit_amount_decimal: wireDecimal(input.unitAmount),
  };
}

/** The legacy `plan` mirror of a recurring price, still present on subscription items. */
export function planFromPrice(price: Stripe.Price): Stripe.Plan {
  const recurring = price.recurring;
  return {
    id: price.id,
    object: "plan",
    active: price.active,
    amount: price.unit_amount,
    amount_decimal: price.unit_amount_decimal,
    billing_scheme: "per_unit",
    created: price.created,
    currency: price.currency,
    interval: recurring?.interval ?? "month",
    interval_count: recurring?.interval_count ?? 1,
    livemode: false,
    metadata: price.metadata,
    meter: null,
    nickname: price.nickname,
    product: typeof price.product === "string" ? price.product : price.product.id,
    tiers_mode: null,
    transform_usage: null,
    trial_period_days: null,
    usage_type: "licensed",
  };
}

export function buildCoupon(input: { id: string; name: string; percentOff: number; now: number }): Stripe.Coupon {
  return {
    id: input.id,
    object: "coupon",
    amount_off: null,
    created: input.now,
    currency: null,
    duration: "forever",
    duration_in_months: null,
    livemode: false,
    max_redemptions: null,
    metadata: {},
    name: input.name,
    percent_off: input.percentOff,
    redeem_by: null,
    times_redeemed: 0,
    valid: true,
  };
}

export function buildPromotionCode(input: { code: string; coupon: string; now: number }): Stripe.PromotionCode {
  return {
    id: newId("promo_"),
    object: "promotion_code",
    active: true,
    code: input.code,
    created: input.now,
    customer: null,
    customer_account: null,
    expires_at: null,
    livemode: false,
    max_redemptions: null,
    metadata: {},
    promotion: { coupon: input.coupon, type: "coupon" },
    restrictions: { first_time_transaction: false, minimum_amount: null, minimum_amount_currency: null },
    times_redeemed: 0,
  };
}

export function buildCustomer(input: {
  email: string | null;
  name: string | null;
  description: string | null;
  phone: string | null;
  metadata: Record<string, string>;
  now: number;
}): Stripe.Customer {
  return {
    id: newId("cus_", 14),
    object: "customer",
    address: null,
    balance: 0,
    created: input.now,
    currency: null,
    default_source: null,
    delinquent: false,
    description: input.description,
    discount: null,
    email: input.email,
    invoice_prefix: newInvoicePrefix(),
    invoice_settings: { custom_fields: null, default_payment_method: null, footer: null, rendering_options: null },
    livemode: false,
    metadata: input.metadata,
    name: input.name,
    next_invoice_sequence: 1,
    phone: input.phone,
    preferred_locales: [],
    shipping: null,
    tax_exempt: "none",
    test_clock: null,
  };
}

export function buildPaymentMethod(input: {
  card: TestCard;
  expMonth: number;
  expYear: number;
  name: string | null;
  email: string | null;
  customer: string;
  now: number;
}): Stripe.PaymentMethod {
  return {
    id: newId("pm_"),
    object: "payment_method",
    allow_redisplay: "always",
    billing_details: { address: null, email: input.email, name: input.name, phone: null, tax_id: null },
    card: {
      brand: input.card.brand,
      checks: { address_line1_check: null, address_postal_code_check: null, cvc_check: "pass" },
      country: "US",
      display_brand: input.card.brand,
      exp_month: input.expMonth,
      exp_year: input.expYear,
      // Same card number → same fingerprint, as with Stripe.
      fingerprint: `fp_${input.card.number.slice(-8)}`,
      funding: "credit",
      generated_from: null,
      last4: input.card.number.slice(-4),
      networks: { available: [input.card.brand], preferred: null },
      regulated_status: "unregulated",
      three_d_secure_usage: { supported: true },
      wallet: null,
    },
    created: input.now,
    customer: input.customer,
    customer_account: null,
    livemode: false,
    metadata: {},
    type: "card",
  };
}

export function buildDiscount(input: {
  coupon: string;
  promotionCode: string | null;
  customer: string;
  subscription: string | null;
  checkoutSession: string | null;
  now: number;
}): Stripe.Discount {
  return {
    id: newId("di_"),
    object: "discount",
    checkout_session: input.checkoutSession,
    customer: input.customer,
    customer_account: null,
    end: null,
    invoice: null,
    invoice_item: null,
    promotion_code: input.promotionCode,
    source: { coupon: input.coupon, type: "coupon" },
    start: input.now,
    subscription: input.subscription,
    subscription_item: null,
  };
}

export interface CheckoutInput {
  customer: string | null;
  customerEmail: string | null;
  clientReferenceId: string | null;
  successUrl: string;
  cancelUrl: string;
  allowPromotionCodes: boolean;
  metadata: Record<string, string>;
  currency: string;
  url: (id: string) => string;
  now: number;
  /** Default subscription. */
  mode?: "subscription" | "payment";
}

export function buildCheckoutSession(input: CheckoutInput): Stripe.Checkout.Session {
  const id = newId("cs_test_", 58);
  return {
    id,
    object: "checkout.session",
    adaptive_pricing: null,
    after_expiration: null,
    allow_promotion_codes: input.allowPromotionCodes,
    allowed_payment_method_types: null,
    amount_subtotal: 0,
    amount_total: 0,
    automatic_tax: { enabled: false, liability: null, provider: null, status: null },
    billing_address_collection: null,
    cancel_url: input.cancelUrl,
    client_reference_id: input.clientReferenceId,
    client_secret: null,
    collected_information: null,
    consent: null,
    consent_collection: null,
    created: input.now,
    currency: input.currency,
    currency_conversion: null,
    custom_fields: [],
    custom_text: { after_submit: null, shipping_address: null, submit: null, terms_of_service_acceptance: null },
    customer: input.customer,
    customer_account: null,
    customer_creation: input.customer ? null : input.mode === "payment" ? "if_required" : "always",
    customer_details: input.customerEmail
      ? {
          address: null,
          business_name: null,
          email: input.customerEmail,
          individual_name: null,
          name: null,
          phone: null,
          tax_exempt: "none",
          tax_ids: null,
        }
      : null,
    customer_email: input.customerEmail,
    discounts: [],
    // Stripe's default lifetime for a Checkout Session is 24 hours.
    expires_at: input.now + 24 * 3600,
    integration_identifier: null,
    invoice: null,
    invoice_creation: null,
    livemode: false,
    locale: null,
    managed_payments: null,
    metadata: input.metadata,
    mode: input.mode ?? "subscription",
    origin_context: null,
    payment_intent: null,
    payment_link: null,
    payment_method_collection: input.mode === "payment" ? null : "always",
    payment_method_configuration_details: null,
    payment_method_options: null,
    payment_method_types: ["card"],
    payment_status: "unpaid",
    permissions: null,
    recovered_from: null,
    saved_payment_method_options: null,
    setup_intent: null,
    shipping_address_collection: null,
    shipping_cost: null,
    shipping_options: [],
    status: "open",
    submit_type: null,
    subscription: null,
    success_url: input.successUrl,
    total_details: { amount_discount: 0, amount_shipping: 0, amount_tax: 0 },
    ui_mode: "hosted_page",
    url: input.url(id),
    wallet_options: null,
  };
}

export function buildCheckoutLineItem(input: { price: Stripe.Price; quantity: number; product: Stripe.Product }): Stripe.LineItem {
  const subtotal = (input.price.unit_amount ?? 0) * input.quantity;
  return {
    id: newId("li_"),
    object: "item",
    adjustable_quantity: null,
    amount_discount: 0,
    amount_subtotal: subtotal,
    amount_tax: 0,
    amount_total: subtotal,
    currency: input.price.currency,
    description: input.product.name,
    metadata: {},
    price: input.price,
    quantity: input.quantity,
  };
}

export interface SubscriptionInput {
  customer: string;
  price: Stripe.Price;
  quantity: number;
  metadata: Record<string, string>;
  defaultPaymentMethod: string | null;
  discounts: string[];
  periodStart: number;
  periodEnd: number;
  trialEnd: number | null;
  now: number;
}

export function buildSubscription(input: SubscriptionInput): Stripe.Subscription {
  const id = newId("sub_");
  const item: Stripe.SubscriptionItem = {
    id: newId("si_", 14),
    object: "subscription_item",
    billing_thresholds: null,
    created: input.now,
    current_period_end: input.periodEnd,
    current_period_start: input.periodStart,
    current_trial: null,
    discounts: [],
    metadata: {},
    plan: planFromPrice(input.price),
    price: input.price,
    quantity: input.quantity,
    subscription: id,
    tax_rates: [],
  };
  return {
    id,
    object: "subscription",
    application: null,
    application_fee_percent: null,
    automatic_tax: { disabled_reason: null, enabled: false, liability: null },
    // With a trial, Stripe anchors billing at the trial's end.
    billing_cycle_anchor: input.trialEnd ?? input.periodStart,
    billing_cycle_anchor_config: null,
    billing_mode: { flexible: { proration_discounts: "included" }, type: "flexible", updated_at: input.now },
    billing_schedules: [],
    billing_thresholds: null,
    cancel_at: null,
    cancel_at_period_end: false,
    canceled_at: null,
    cancellation_details: { comment: null, feedback: null, feedback_option: null, reason: null },
    collection_method: "charge_automatically",
    created: input.now,
    currency: input.price.currency,
    customer: input.customer,
    customer_account: null,
    days_until_due: null,
    default_payment_method: input.defaultPaymentMethod,
    default_source: null,
    default_tax_rates: [],
    description: null,
    discounts: input.discounts,
    ended_at: null,
    invoice_settings: { account_tax_ids: null, custom_fields: null, description: null, footer: null, issuer: { type: "self" } },
    items: { object: "list", data: [item], has_more: false, url: `/v1/subscription_items?subscription=${id}` },
    latest_invoice: null,
    livemode: false,
    managed_payments: null,
    metadata: input.metadata,
    next_pending_invoice_item_invoice: null,
    on_behalf_of: null,
    pause_collection: null,
    payment_settings: { payment_method_options: null, payment_method_types: null, save_default_payment_method: "off" },
    pending_invoice_item_interval: null,
    pending_setup_intent: null,
    pending_update: null,
    schedule: null,
    start_date: input.now,
    status: input.trialEnd ? "trialing" : "active",
    test_clock: null,
    transfer_data: null,
    trial_end: input.trialEnd,
    trial_settings: { end_behavior: { billing_cycle_anchor: null, missing_payment_method: "create_invoice" } },
    trial_start: input.trialEnd ? input.periodStart : null,
  };
}

export interface InvoiceInput {
  customer: Stripe.Customer;
  subscription: Stripe.Subscription;
  item: Stripe.SubscriptionItem;
  billingReason: "subscription_create" | "subscription_cycle";
  /** The service period the line pays for. */
  lineStart: number;
  lineEnd: number;
  /** The invoice's own period: Stripe reports the period that just ended (or `created`, twice, for the first one). */
  periodStart: number;
  periodEnd: number;
  /** Before discounts; 0 for a trial's first invoice. */
  subtotal: number;
  discount: { id: string; amount: number } | null;
  number: string;
  accountName: string;
  now: number;
}

/** A finalized, still unpaid invoice; `markInvoicePaid` / `markInvoiceFailed` settle it. */
export function buildInvoice(input: InvoiceInput): Stripe.Invoice {
  const id = newId("in_");
  const discountAmount = input.discount?.amount ?? 0;
  const total = input.subtotal - discountAmount;
  const price = input.item.price;
  const line: Stripe.InvoiceLineItem = {
    id: newId("il_"),
    object: "line_item",
    amount: input.subtotal,
    currency: price.currency,
    description: `${input.item.quantity ?? 1} × ${price.nickname ?? "Plan"}${input.subtotal === 0 ? " (trial)" : ""}`,
    discount_amounts: input.discount ? [{ amount: discountAmount, discount: input.discount.id }] : [],
    discountable: true,
    discounts: input.discount ? [input.discount.id] : [],
    invoice: id,
    livemode: false,
    metadata: {},
    parent: {
      invoice_item_details: null,
      subscription_item_details: {
        invoice_item: null,
        proration: false,
        proration_details: { credited_items: null },
        subscription: input.subscription.id,
        subscription_item: input.item.id,
      },
      type: "subscription_item_details",
    },
    period: { start: input.lineStart, end: input.lineEnd },
    pretax_credit_amounts: [],
    pricing: {
      price_details: { price: price.id, product: typeof price.product === "string" ? price.product : price.product.id },
      type: "price_details",
      unit_amount_decimal: input.subtotal === 0 ? wireDecimal(0) : price.unit_amount_decimal,
    },
    quantity: input.item.quantity ?? 1,
    quantity_decimal: wireDecimal(input.item.quantity ?? 1),
    subscription: input.subscription.id,
    subtotal: input.subtotal,
    taxes: [],
  };
  return {
    id,
    object: "invoice",
    account_country: "US",
    account_name: input.accountName,
    account_tax_ids: null,
    amount_due: total,
    amount_overpaid: 0,
    amount_paid: 0,
    amount_remaining: total,
    amount_shipping: 0,
    application: null,
    attempt_count: 0,
    attempted: false,
    auto_advance: true,
    automatic_tax: { disabled_reason: null, enabled: false, liability: null, provider: null, status: null },
    automatically_finalizes_at: null,
    billing_reason: input.billingReason,
    collection_method: "charge_automatically",
    created: input.now,
    currency: price.currency,
    custom_fields: null,
    customer: input.customer.id,
    customer_account: null,
    customer_address: null,
    customer_email: input.customer.email,
    customer_name: input.customer.name ?? null,
    customer_phone: input.customer.phone ?? null,
    customer_shipping: null,
    customer_tax_exempt: "none",
    customer_tax_ids: [],
    default_payment_method: null,
    default_source: null,
    default_tax_rates: [],
    description: null,
    discounts: input.discount ? [input.discount.id] : [],
    due_date: null,
    effective_at: input.now,
    ending_balance: 0,
    footer: null,
    from_invoice: null,
    hosted_invoice_url: null,
    invoice_pdf: null,
    issuer: { type: "self" },
    last_finalization_error: null,
    latest_revision: null,
    lines: { object: "list", data: [line], has_more: false, url: `/v1/invoices/${id}/lines` },
    livemode: false,
    metadata: {},
    next_payment_attempt: null,
    number: input.number,
    on_behalf_of: null,
    parent: {
      quote_details: null,
      subscription_details: { metadata: { ...input.subscription.metadata }, subscription: input.subscription.id },
      type: "subscription_details",
    },
    payment_settings: { default_mandate: null, payment_method_options: null, payment_method_types: null },
    period_end: input.periodEnd,
    period_start: input.periodStart,
    post_payment_credit_notes_amount: 0,
    pre_payment_credit_notes_amount: 0,
    receipt_number: null,
    rendering: null,
    shipping_cost: null,
    shipping_details: null,
    starting_balance: 0,
    statement_descriptor: null,
    status: "open",
    status_transitions: { finalized_at: input.now, marked_uncollectible_at: null, paid_at: null, voided_at: null },
    subtotal: input.subtotal,
    subtotal_excluding_tax: input.subtotal,
    test_clock: null,
    total,
    total_discount_amounts: input.discount ? [{ amount: discountAmount, discount: input.discount.id }] : [],
    total_excluding_tax: total,
    total_pretax_credit_amounts: [],
    total_taxes: [],
    webhooks_delivered_at: input.now,
  };
}

export function buildPortalSession(input: {
  customer: string;
  returnUrl: string | null;
  configuration: string;
  url: (id: string) => string;
  now: number;
}): Stripe.BillingPortal.Session {
  const id = newId("bps_");
  return {
    id,
    object: "billing_portal.session",
    configuration: input.configuration,
    created: input.now,
    customer: input.customer,
    customer_account: null,
    flow: null,
    livemode: false,
    locale: null,
    on_behalf_of: null,
    return_url: input.returnUrl,
    url: input.url(id),
  };
}
