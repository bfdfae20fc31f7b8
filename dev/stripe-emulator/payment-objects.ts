// Builders for the objects of a one-time payment: the price Checkout makes from
// `price_data`, the PaymentIntent, its Charge, refunds and disputes. Typed as the
// SDK's own objects (stripe v23), like objects.ts, so a missing field is a type error.
import type Stripe from "stripe";
import type { TestCard } from "./cards";
import { newId } from "./ids";

function wireDecimal(value: number): Stripe.Decimal {
  return String(value) as unknown as Stripe.Decimal;
}

/** The inline price Stripe creates for `line_items[][price_data]`: one-time, inactive for reuse. */
export function buildOneTimePrice(input: { product: string; unitAmount: number; currency: string; now: number }): Stripe.Price {
  return {
    id: newId("price_"),
    object: "price",
    // Stripe archives prices made from price_data at once: they can't be reused.
    active: false,
    billing_scheme: "per_unit",
    created: input.now,
    currency: input.currency,
    custom_unit_amount: null,
    livemode: false,
    lookup_key: null,
    metadata: {},
    nickname: null,
    product: input.product,
    recurring: null,
    tax_behavior: "unspecified",
    tiers_mode: null,
    transform_quantity: null,
    type: "one_time",
    unit_amount: input.unitAmount,
    unit_amount_decimal: wireDecimal(input.unitAmount),
  };
}

export function buildPaymentIntent(input: {
  amount: number;
  currency: string;
  customer: string | null;
  paymentMethod: string;
  receiptEmail: string | null;
  metadata: Record<string, string>;
  description: string | null;
  now: number;
}): Stripe.PaymentIntent {
  const id = newId("pi_");
  return {
    id,
    object: "payment_intent",
    allowed_payment_method_types: null,
    amount: input.amount,
    amount_capturable: 0,
    amount_received: input.amount,
    application: null,
    application_fee_amount: null,
    automatic_payment_methods: null,
    canceled_at: null,
    cancellation_reason: null,
    capture_method: "automatic",
    client_secret: `${id}_secret_${newId("", 24)}`,
    confirmation_method: "automatic",
    created: input.now,
    currency: input.currency,
    customer: input.customer,
    customer_account: null,
    description: input.description,
    excluded_payment_method_types: null,
    last_payment_error: null,
    latest_charge: null,
    livemode: false,
    managed_payments: null,
    metadata: input.metadata,
    next_action: null,
    on_behalf_of: null,
    payment_method: input.paymentMethod,
    payment_method_configuration_details: null,
    payment_method_options: null,
    payment_method_types: ["card"],
    payment_record: null,
    processing: null,
    receipt_email: input.receiptEmail,
    review: null,
    setup_future_usage: null,
    shipping: null,
    source: null,
    statement_descriptor: null,
    statement_descriptor_suffix: null,
    status: "succeeded",
    transfer_group: null,
  };
}

export function buildCharge(input: {
  paymentIntent: Stripe.PaymentIntent;
  paymentMethod: Stripe.PaymentMethod;
  card: TestCard;
  name: string;
  email: string | null;
  receiptUrl: (id: string) => string;
  now: number;
}): Stripe.Charge {
  const id = newId("ch_");
  const pm = input.paymentMethod.card;
  return {
    id,
    object: "charge",
    amount: input.paymentIntent.amount,
    amount_captured: input.paymentIntent.amount,
    amount_refunded: 0,
    application: null,
    application_fee: null,
    application_fee_amount: null,
    balance_transaction: newId("txn_"),
    billing_details: { address: null, email: input.email, name: input.name, phone: null, tax_id: null },
    calculated_statement_descriptor: "BREAKUP DOJO",
    captured: true,
    created: input.now,
    currency: input.paymentIntent.currency,
    customer: input.paymentIntent.customer,
    description: input.paymentIntent.description,
    disputed: false,
    failure_balance_transaction: null,
    failure_code: null,
    failure_message: null,
    fraud_details: {},
    livemode: false,
    metadata: input.paymentIntent.metadata,
    on_behalf_of: null,
    outcome: {
      advice_code: null,
      network_advice_code: null,
      network_decline_code: null,
      network_status: "approved_by_network",
      reason: null,
      risk_level: "normal",
      risk_score: 20,
      seller_message: "Payment complete.",
      type: "authorized",
    },
    paid: true,
    payment_intent: input.paymentIntent.id,
    payment_method: input.paymentMethod.id,
    payment_method_details: {
      type: "card",
      card: {
        amount_authorized: input.paymentIntent.amount,
        authorization_code: "123456",
        brand: input.card.brand,
        checks: { address_line1_check: null, address_postal_code_check: null, cvc_check: "pass" },
        country: "US",
        exp_month: pm?.exp_month ?? 12,
        exp_year: pm?.exp_year ?? 2030,
        fingerprint: pm?.fingerprint ?? null,
        funding: "credit",
        installments: null,
        last4: input.card.number.slice(-4),
        mandate: null,
        network: input.card.brand,
        network_token: { used: false },
        network_transaction_id: newId("", 15),
        regulated_status: "unregulated",
        three_d_secure: null,
        wallet: null,
      } as Stripe.Charge.PaymentMethodDetails.Card,
    },
    receipt_email: input.email,
    receipt_number: null,
    receipt_url: input.receiptUrl(id),
    refunded: false,
    refunds: { object: "list", data: [], has_more: false, url: `/v1/charges/${id}/refunds` },
    review: null,
    shipping: null,
    source: null,
    source_transfer: null,
    statement_descriptor: null,
    statement_descriptor_suffix: null,
    status: "succeeded",
    transfer_data: null,
    transfer_group: null,
  };
}

export function buildRefund(input: {
  charge: Stripe.Charge;
  amount: number;
  reason: Stripe.Refund.Reason | null;
  metadata: Record<string, string>;
  now: number;
}): Stripe.Refund {
  return {
    id: newId("re_"),
    object: "refund",
    amount: input.amount,
    balance_transaction: newId("txn_"),
    charge: input.charge.id,
    created: input.now,
    currency: input.charge.currency,
    customer: input.charge.customer,
    customer_account: null,
    destination_details: { type: "card", card: { reference_status: "pending", reference_type: "acquirer_reference_number", type: "refund" } } as Stripe.Refund.DestinationDetails,
    metadata: input.metadata,
    payment_intent: input.charge.payment_intent,
    payment_method: input.charge.payment_method,
    reason: input.reason,
    receipt_number: null,
    source_transfer_reversal: null,
    status: "succeeded",
    transfer_reversal: null,
  };
}

export function buildDispute(input: { charge: Stripe.Charge; reason: string; now: number }): Stripe.Dispute {
  const amount = input.charge.amount - input.charge.amount_refunded;
  return {
    id: newId("dp_"),
    object: "dispute",
    amount,
    balance_transactions: [],
    charge: input.charge.id,
    created: input.now,
    currency: input.charge.currency,
    enhanced_eligibility_types: [],
    evidence: emptyEvidence(),
    evidence_details: {
      due_by: input.now + 7 * 86_400,
      enhanced_eligibility: {},
      has_evidence: false,
      past_due: false,
      submission_count: 0,
      submission_method: "not_submitted",
    },
    intended_submission_method: null,
    is_charge_refundable: false,
    livemode: false,
    metadata: {},
    payment_intent: input.charge.payment_intent,
    reason: input.reason,
    status: "needs_response",
  };
}

function emptyEvidence(): Stripe.Dispute.Evidence {
  return {
    access_activity_log: null,
    billing_address: null,
    cancellation_policy: null,
    cancellation_policy_disclosure: null,
    cancellation_rebuttal: null,
    customer_communication: null,
    customer_email_address: null,
    customer_name: null,
    customer_purchase_ip: null,
    customer_signature: null,
    duplicate_charge_documentation: null,
    duplicate_charge_explanation: null,
    duplicate_charge_id: null,
    enhanced_evidence: {},
    product_description: null,
    receipt: null,
    refund_policy: null,
    refund_policy_disclosure: null,
    refund_refusal_explanation: null,
    service_date: null,
    service_documentation: null,
    shipping_address: null,
    shipping_carrier: null,
    shipping_date: null,
    shipping_documentation: null,
    shipping_tracking_number: null,
    uncategorized_file: null,
    uncategorized_text: null,
  };
}
