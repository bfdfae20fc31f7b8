// What happens to subscriptions: checkout, cancelling, card changes and the
// passing of billing periods, each change announced by the events Stripe sends
// for it. Everything here is synchronous, so one request's changes and events
// can't interleave with another's.
import type Stripe from "stripe";
import type { CardProblem, Decline, ValidCard } from "./cards";
import { ApiError, invalidParam, noSuch } from "./errors";
import { AUTOMATIC, type EventLog, type EventRequest } from "./events";
import { type JsonObject, previousAttributes, toJson } from "./json";
import {
  buildCheckoutLineItem,
  buildCheckoutSession,
  buildCustomer,
  buildDiscount,
  buildInvoice,
  buildPaymentMethod,
  buildPortalSession,
  buildSubscription,
} from "./objects";
import { buildCharge, buildDispute, buildPaymentIntent, buildRefund } from "./payment-objects";
import type { CheckoutPlan, Store } from "./store";
import { addIntervals, isInterval, nextBoundary, nowSeconds } from "./time";

export interface CheckoutRequest {
  mode: "subscription" | "payment";
  paymentIntentMetadata: Record<string, string>;
  customer: string | null;
  customerEmail: string | null;
  clientReferenceId: string | null;
  price: Stripe.Price;
  quantity: number;
  successUrl: string;
  cancelUrl: string;
  allowPromotionCodes: boolean;
  trialPeriodDays: number | null;
  subscriptionMetadata: Record<string, string>;
  metadata: Record<string, string>;
  presetDiscount: { coupon: string; promotionCode: string | null } | null;
  expiresAt: number | null;
}

export interface PaymentForm {
  email: string;
  name: string;
  card: ValidCard | CardProblem;
  promotionCode: string;
}

export type FormField = "email" | "name" | "number" | "expiry" | "cvc" | "promotion_code";

/** Why a hosted-page submission did not go through; `status` is what the page answers with. */
export interface FormProblem {
  status: 400 | 402;
  field: FormField;
  message: string;
}

export type CheckoutOutcome =
  | { kind: "completed"; redirectTo: string }
  | { kind: "rejected"; problem: FormProblem }
  | { kind: "closed"; session: Stripe.Checkout.Session | undefined };

export interface BillingOptions {
  checkoutUrl: (id: string) => string;
  receiptUrl: (chargeId: string) => string;
  portalUrl: (id: string) => string;
  businessName: string;
  log: (line: string) => void;
}

/** The placeholder Stripe replaces in `success_url`, literally (an URL-encoded one is left alone, by Stripe too). */
const SESSION_PLACEHOLDER = "{CHECKOUT_SESSION_ID}";

export class Billing {
  constructor(
    private readonly store: Store,
    private readonly events: EventLog,
    private readonly options: BillingOptions,
  ) {}

  // ---- lookups -----------------------------------------------------------

  customer(id: string, param = "id", status = 404): Stripe.Customer {
    const customer = this.store.customers.get(id);
    if (!customer) throw noSuch("customer", id, param, status);
    return customer;
  }

  subscription(id: string): Stripe.Subscription {
    const subscription = this.store.subscriptions.get(id);
    if (!subscription) throw noSuch("subscription", id);
    return subscription;
  }

  /** A session, first moved to `expired` if its 24 hours are up (Stripe expires them on its own). */
  checkoutSession(id: string): Stripe.Checkout.Session | undefined {
    const session = this.store.checkoutSessions.get(id);
    if (session && session.status === "open" && nowSeconds() >= session.expires_at) this.expire(session);
    return session;
  }

  // ---- customers ---------------------------------------------------------

  createCustomer(input: {
    email: string | null;
    name: string | null;
    description: string | null;
    phone: string | null;
    metadata: Record<string, string>;
  }): Stripe.Customer {
    const customer = buildCustomer({ ...input, now: nowSeconds() });
    this.store.customers.set(customer.id, customer);
    return customer;
  }

  // ---- checkout ----------------------------------------------------------

  createCheckoutSession(input: CheckoutRequest): Stripe.Checkout.Session {
    const now = nowSeconds();
    const customer = input.customer ? this.customer(input.customer, "customer", 400) : null;
    const product = this.productOf(input.price);
    const session = buildCheckoutSession({
      customer: customer?.id ?? null,
      customerEmail: input.customerEmail,
      clientReferenceId: input.clientReferenceId,
      successUrl: input.successUrl,
      cancelUrl: input.cancelUrl,
      allowPromotionCodes: input.allowPromotionCodes,
      metadata: input.metadata,
      currency: input.price.currency,
      url: this.options.checkoutUrl,
      now,
      mode: input.mode,
    });
    if (input.expiresAt !== null) session.expires_at = input.expiresAt;
    const lineItem = buildCheckoutLineItem({ price: input.price, quantity: input.quantity, product });
    // A trial's first invoice is free, so is the session.
    const dueNow = input.trialPeriodDays ? 0 : lineItem.amount_subtotal;
    session.amount_subtotal = dueNow;
    session.amount_total = dueNow;
    this.store.checkoutSessions.set(session.id, session);
    this.store.checkoutPlans.set(session.id, {
      lineItems: [lineItem],
      trialPeriodDays: input.trialPeriodDays,
      subscriptionMetadata: input.subscriptionMetadata,
      presetDiscount: input.presetDiscount,
      paymentIntentMetadata: input.paymentIntentMetadata,
    });
    if (input.successUrl.includes("%7BCHECKOUT_SESSION_ID%7D"))
      this.options.log(
        `[stripe-emulator] ${session.id}: success_url contains an URL-encoded {CHECKOUT_SESSION_ID}; Stripe only replaces the literal placeholder`,
      );
    return session;
  }

  expireCheckoutSession(id: string, request: EventRequest): Stripe.Checkout.Session {
    const session = this.checkoutSession(id);
    if (!session) throw noSuch("checkout.session", id);
    if (session.status !== "open")
      throw new ApiError(400, "invalid_request_error", `Only Checkout Sessions with a status in ["open"] can be expired.`, {
        code: "checkout_session_status_invalid",
      });
    this.expire(session, request);
    return session;
  }

  private expire(session: Stripe.Checkout.Session, request: EventRequest = AUTOMATIC): void {
    session.status = "expired";
    session.url = null;
    this.events.emit("checkout.session.expired", session, { request });
  }

  /**
   * The hosted page's "Subscribe": on a good card, creates the customer (if
   * need be), card, subscription and first invoice, then emits
   * checkout.session.completed, customer.subscription.created, invoice.paid,
   * invoice.payment_succeeded — in that order. On a bad card, changes nothing.
   */
  completeCheckout(id: string, form: PaymentForm): CheckoutOutcome {
    const session = this.checkoutSession(id);
    const plan = this.store.checkoutPlans.get(id);
    if (!session || !plan || session.status !== "open") return { kind: "closed", session };
    const lineItem = plan.lineItems[0];
    const price = lineItem?.price;
    if (!lineItem || !price) return { kind: "closed", session };

    const existing = typeof session.customer === "string" ? this.store.customers.get(session.customer) : undefined;
    // The page asks for an email only when neither the customer nor the session has one.
    const knownEmail = existing?.email ?? session.customer_email;
    const email = knownEmail ?? form.email.trim();
    if (!knownEmail && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) return reject(400, "email", "Your email address is invalid.");

    let discount: { coupon: Stripe.Coupon; promotionCode: Stripe.PromotionCode | null } | null = null;
    if (plan.presetDiscount) {
      const coupon = this.store.coupons.get(plan.presetDiscount.coupon);
      const promo = plan.presetDiscount.promotionCode ? this.store.promotionCodes.get(plan.presetDiscount.promotionCode) : undefined;
      if (coupon) discount = { coupon, promotionCode: promo ?? null };
    } else if (session.allow_promotion_codes && form.promotionCode.trim() !== "") {
      const promo = this.store.promotionCodeByCode(form.promotionCode);
      const coupon = promo && typeof promo.promotion.coupon === "string" ? this.store.coupons.get(promo.promotion.coupon) : undefined;
      if (!promo || !coupon || !coupon.valid) return reject(400, "promotion_code", "This code is invalid.");
      discount = { coupon, promotionCode: promo };
    }

    if (!form.name.trim()) return reject(400, "name", "Enter the name on your card.");
    if ("field" in form.card) {
      const problem = form.card;
      return reject(problem.decline.code === "card_declined" ? 402 : 400, problem.field, problem.decline.message);
    }
    const decline = form.card.card.onAttach ?? form.card.card.onCharge;
    if (decline) return reject(402, "number", decline.message);

    // ---- the payment goes through ----
    if (session.mode === "payment") return this.completePayment(session, plan, lineItem, form.card, form.name.trim(), email, discount);
    const now = nowSeconds();
    const customer = existing ?? this.createCustomer({ email, name: form.name.trim(), description: null, phone: null, metadata: {} });
    if (!customer.email) customer.email = email;
    const paymentMethod = this.attachCard(customer, form.card, form.name.trim(), now);
    customer.invoice_settings.default_payment_method = paymentMethod.id;

    const recurring = price.recurring;
    const interval = recurring && isInterval(recurring.interval) ? recurring.interval : "month";
    const trialEnd = plan.trialPeriodDays ? now + plan.trialPeriodDays * 86_400 : null;
    const subscription = buildSubscription({
      customer: customer.id,
      price,
      quantity: lineItem.quantity ?? 1,
      metadata: plan.subscriptionMetadata,
      defaultPaymentMethod: paymentMethod.id,
      discounts: [],
      periodStart: now,
      periodEnd: trialEnd ?? addIntervals(now, interval, recurring?.interval_count ?? 1),
      trialEnd,
      now,
    });
    this.store.subscriptions.set(subscription.id, subscription);

    let discountObject: Stripe.Discount | null = null;
    if (discount) {
      discountObject = buildDiscount({
        coupon: discount.coupon.id,
        promotionCode: discount.promotionCode?.id ?? null,
        customer: customer.id,
        subscription: subscription.id,
        checkoutSession: session.id,
        now,
      });
      this.store.discounts.set(discountObject.id, discountObject);
      subscription.discounts = [discountObject.id];
      discount.coupon.times_redeemed += 1;
      if (discount.promotionCode) discount.promotionCode.times_redeemed += 1;
    }

    const subtotal = trialEnd ? 0 : (price.unit_amount ?? 0) * (lineItem.quantity ?? 1);
    const invoice = this.newInvoice(subscription, "subscription_create", { lineStart: now, periodStart: now, periodEnd: now, subtotal, at: now });
    this.pay(invoice, now);
    subscription.latest_invoice = invoice.id;

    const discountAmount = invoice.total_discount_amounts?.[0]?.amount ?? 0;
    session.status = "complete";
    session.payment_status = invoice.amount_due === 0 ? "no_payment_required" : "paid";
    session.customer = customer.id;
    session.subscription = subscription.id;
    session.url = null;
    session.amount_subtotal = subtotal;
    session.amount_total = subtotal - discountAmount;
    session.total_details = { amount_discount: discountAmount, amount_shipping: 0, amount_tax: 0 };
    session.discounts = discount ? [{ coupon: discount.coupon.id, promotion_code: discount.promotionCode?.id ?? null }] : [];
    session.customer_details = {
      address: null,
      business_name: null,
      email: customer.email,
      individual_name: null,
      name: form.name.trim(),
      phone: null,
      tax_exempt: "none",
      tax_ids: null,
    };

    this.events.emit("checkout.session.completed", session);
    this.events.emit("customer.subscription.created", subscription);
    this.events.emit("invoice.paid", invoice);
    this.events.emit("invoice.payment_succeeded", invoice);

    const successUrl = session.success_url ?? "";
    return { kind: "completed", redirectTo: successUrl.replaceAll(SESSION_PLACEHOLDER, session.id) };
  }

  // ---- one-time payments ------------------------------------------------

  /**
   * Payment mode's "Pay": a PaymentIntent and its Charge (with a receipt), a
   * customer only if the session named one (Checkout's `if_required`), then
   * charge.succeeded, payment_intent.succeeded, checkout.session.completed.
   */
  private completePayment(
    session: Stripe.Checkout.Session,
    plan: CheckoutPlan,
    lineItem: Stripe.LineItem,
    card: ValidCard,
    name: string,
    email: string,
    discount: { coupon: Stripe.Coupon; promotionCode: Stripe.PromotionCode | null } | null,
  ): CheckoutOutcome {
    const now = nowSeconds();
    const existing = typeof session.customer === "string" ? this.store.customers.get(session.customer) : undefined;
    const subtotal = lineItem.amount_subtotal;
    const discountAmount = discount ? couponAmount(discount.coupon, subtotal) : 0;
    const total = subtotal - discountAmount;
    const paymentMethod = buildPaymentMethod({
      card: card.card,
      expMonth: card.expMonth,
      expYear: card.expYear,
      name,
      email,
      customer: existing?.id ?? "",
      now,
    });
    paymentMethod.customer = existing?.id ?? null;
    this.store.paymentMethods.set(paymentMethod.id, paymentMethod);
    this.store.testCards.set(paymentMethod.id, card.card);
    const intent = buildPaymentIntent({
      amount: total,
      currency: session.currency ?? lineItem.currency,
      customer: existing?.id ?? null,
      paymentMethod: paymentMethod.id,
      receiptEmail: email,
      metadata: plan.paymentIntentMetadata ?? {},
      description: lineItem.description ?? null,
      now,
    });
    const charge = buildCharge({ paymentIntent: intent, paymentMethod, card: card.card, name, email, receiptUrl: this.options.receiptUrl, now });
    intent.latest_charge = charge.id;
    this.store.paymentIntents.set(intent.id, intent);
    this.store.charges.set(charge.id, charge);
    if (discount) {
      discount.coupon.times_redeemed += 1;
      if (discount.promotionCode) discount.promotionCode.times_redeemed += 1;
    }

    session.status = "complete";
    session.payment_status = "paid";
    session.payment_intent = intent.id;
    session.url = null;
    session.amount_subtotal = subtotal;
    session.amount_total = total;
    session.total_details = { amount_discount: discountAmount, amount_shipping: 0, amount_tax: 0 };
    session.discounts = discount ? [{ coupon: discount.coupon.id, promotion_code: discount.promotionCode?.id ?? null }] : [];
    session.customer_details = {
      address: null,
      business_name: null,
      email,
      individual_name: null,
      name,
      phone: null,
      tax_exempt: "none",
      tax_ids: null,
    };
    this.events.emit("charge.succeeded", charge);
    this.events.emit("payment_intent.succeeded", intent);
    this.events.emit("checkout.session.completed", session);
    const successUrl = session.success_url ?? "";
    return { kind: "completed", redirectTo: successUrl.replaceAll(SESSION_PLACEHOLDER, session.id) };
  }

  charge(id: string, param = "id", status = 404): Stripe.Charge {
    const charge = this.store.charges.get(id);
    if (!charge) throw noSuch("charge", id, param, status);
    return charge;
  }

  /** The charge a refund names by `charge` or by `payment_intent`. */
  chargeOfIntent(paymentIntentId: string, param: string): Stripe.Charge {
    const intent = this.store.paymentIntents.get(paymentIntentId);
    if (!intent) throw noSuch("payment_intent", paymentIntentId, param, 400);
    const chargeId = typeof intent.latest_charge === "string" ? intent.latest_charge : intent.latest_charge?.id;
    return this.charge(chargeId ?? "", param, 400);
  }

  /**
   * POST /v1/refunds, and the dashboard's "Refund": the whole remaining amount
   * unless `amount` says less. Emits charge.refunded (the charge, with
   * amount_refunded and refunded) and refund.created, as Stripe does.
   */
  refund(charge: Stripe.Charge, input: { amount: number | null; reason: Stripe.Refund.Reason | null; metadata: Record<string, string> }, request: EventRequest): Stripe.Refund {
    const remaining = charge.amount - charge.amount_refunded;
    if (charge.disputed && this.disputeOf(charge.id)?.status !== "won")
      throw new ApiError(400, "invalid_request_error", `Charge ${charge.id} has been charged back; cannot issue a refund.`, { code: "charge_disputed" });
    if (remaining <= 0)
      throw new ApiError(400, "invalid_request_error", `Charge ${charge.id} has already been refunded.`, { code: "charge_already_refunded" });
    const amount = input.amount ?? remaining;
    if (amount > remaining)
      throw invalidParam("amount", `Refund amount (${amount}) is greater than unrefunded amount on charge (${remaining})`);
    const refund = buildRefund({ charge, amount, reason: input.reason, metadata: input.metadata, now: nowSeconds() });
    this.store.refunds.set(refund.id, refund);
    const before = toJson(charge);
    charge.amount_refunded += amount;
    charge.refunded = charge.amount_refunded >= charge.amount;
    charge.refunds = { object: "list", data: [refund, ...(charge.refunds?.data ?? [])], has_more: false, url: `/v1/charges/${charge.id}/refunds` };
    this.events.emit("charge.refunded", charge, { previous: previousAttributes(before, toJson(charge)), request });
    this.events.emit("refund.created", refund, { request });
    return refund;
  }

  disputeOf(chargeId: string): Stripe.Dispute | undefined {
    return [...this.store.disputes.values()].find((dispute) => dispute.charge === chargeId);
  }

  /** The card holder's bank opens a dispute (a test control: Stripe has no API for it). */
  openDispute(chargeId: string, reason = "fraudulent"): Stripe.Dispute {
    const charge = this.charge(chargeId);
    if (this.disputeOf(charge.id)) throw new ApiError(400, "invalid_request_error", `Charge ${charge.id} already has a dispute.`);
    if (charge.refunded) throw new ApiError(400, "invalid_request_error", `Charge ${charge.id} is fully refunded; there is nothing to dispute.`);
    const dispute = buildDispute({ charge, reason, now: nowSeconds() });
    this.store.disputes.set(dispute.id, dispute);
    charge.disputed = true;
    this.events.emit("charge.dispute.created", dispute);
    return dispute;
  }

  /** The bank decides: `charge.dispute.closed` with status won or lost. */
  closeDispute(id: string, outcome: "won" | "lost"): Stripe.Dispute {
    const dispute = this.store.disputes.get(id);
    if (!dispute) throw noSuch("dispute", id);
    if (dispute.status === "won" || dispute.status === "lost")
      throw new ApiError(400, "invalid_request_error", `Dispute ${id} is already closed (${dispute.status}).`);
    dispute.status = outcome;
    this.events.emit("charge.dispute.closed", dispute);
    return dispute;
  }

  // ---- subscriptions -----------------------------------------------------

  /** cancel_at_period_end: the portal's "Cancel plan" (true) and "Renew plan" (false). */
  setCancelAtPeriodEnd(id: string, cancel: boolean, request: EventRequest = AUTOMATIC): Stripe.Subscription {
    return this.updateSubscription(id, { cancelAtPeriodEnd: cancel }, request);
  }

  /** POST /v1/subscriptions/:id. All changes of one call make one customer.subscription.updated event (none if nothing changed). */
  updateSubscription(
    id: string,
    update: { cancelAtPeriodEnd?: boolean; metadata?: Record<string, string>; defaultPaymentMethod?: string | null; comment?: string | null },
    request: EventRequest,
  ): Stripe.Subscription {
    const subscription = this.subscription(id);
    const ended = subscription.status === "canceled" || subscription.status === "incomplete_expired";
    if (ended && (update.cancelAtPeriodEnd !== undefined || update.defaultPaymentMethod !== undefined)) throw canceledImmutable();
    if (update.defaultPaymentMethod) {
      const paymentMethod = this.store.paymentMethods.get(update.defaultPaymentMethod);
      if (!paymentMethod || paymentMethod.customer !== subscription.customer)
        throw noSuch("PaymentMethod", update.defaultPaymentMethod, "default_payment_method", 400);
    }
    this.change(subscription, request, () => {
      if (update.cancelAtPeriodEnd !== undefined && update.cancelAtPeriodEnd !== subscription.cancel_at_period_end) {
        const cancel = update.cancelAtPeriodEnd;
        const item = subscription.items.data[0];
        subscription.cancel_at_period_end = cancel;
        subscription.cancel_at = cancel ? (item?.current_period_end ?? null) : null;
        subscription.canceled_at = cancel ? nowSeconds() : null;
        subscription.cancellation_details = {
          comment: subscription.cancellation_details?.comment ?? null,
          feedback: subscription.cancellation_details?.feedback ?? null,
          feedback_option: null,
          reason: cancel ? "cancellation_requested" : null,
        };
      }
      if (update.metadata) subscription.metadata = update.metadata;
      if (update.defaultPaymentMethod !== undefined) subscription.default_payment_method = update.defaultPaymentMethod;
      if (update.comment !== undefined && subscription.cancellation_details)
        subscription.cancellation_details = { ...subscription.cancellation_details, comment: update.comment };
    });
    return subscription;
  }

  /** DELETE /v1/subscriptions/:id — ends it now. */
  cancelNow(id: string, request: EventRequest): Stripe.Subscription {
    const subscription = this.subscription(id);
    if (subscription.status === "canceled" || subscription.status === "incomplete_expired")
      throw new ApiError(400, "invalid_request_error", `This subscription has already been canceled: '${id}'`, { param: "id" });
    const now = nowSeconds();
    subscription.status = "canceled";
    subscription.ended_at = now;
    subscription.canceled_at = now;
    subscription.cancel_at_period_end = false;
    subscription.cancellation_details = {
      comment: subscription.cancellation_details?.comment ?? null,
      feedback: subscription.cancellation_details?.feedback ?? null,
      feedback_option: null,
      reason: "cancellation_requested",
    };
    this.events.emit("customer.subscription.deleted", subscription, { request });
    return subscription;
  }

  /**
   * The billing clock reaches the end of the subscription's current period
   * (for a past_due or unpaid one: its next payment retry).
   *
   * - cancel_at_period_end → canceled; customer.subscription.deleted.
   * - active/trialing, paid → next period, a paid invoice, active;
   *   invoice.paid, invoice.payment_succeeded, customer.subscription.updated.
   * - active/trialing, failed → next period (Stripe rolls the period when it
   *   invoices, paid or not), an open invoice, past_due;
   *   invoice.payment_failed, customer.subscription.updated.
   * - past_due/unpaid → the open invoice is retried: paid → active
   *   (invoice.paid, invoice.payment_succeeded, updated); failed → unpaid
   *   (invoice.payment_failed, plus updated when the status changes).
   *
   * `outcome` defaults to what the customer's default card does when charged.
   */
  advance(id: string, outcome?: "paid" | "failed"): Stripe.Subscription {
    const subscription = this.subscription(id);
    if (subscription.status === "canceled" || subscription.status === "incomplete_expired")
      throw new ApiError(400, "invalid_request_error", `The subscription '${id}' is ${subscription.status}; there is no period to advance.`);
    const item = subscription.items.data[0];
    if (!item) throw new ApiError(400, "invalid_request_error", `The subscription '${id}' has no items.`);
    const boundary = item.current_period_end;

    if (subscription.cancel_at_period_end) {
      subscription.status = "canceled";
      subscription.ended_at = boundary;
      subscription.canceled_at ??= nowSeconds();
      this.events.emit("customer.subscription.deleted", subscription);
      return subscription;
    }

    const paid = (outcome ?? this.chargeOutcome(subscription)) === "paid";
    const open = this.openInvoice(subscription);
    if ((subscription.status === "past_due" || subscription.status === "unpaid") && open) {
      const at = Math.max(nowSeconds(), item.current_period_start);
      if (paid) {
        this.pay(open, at);
        this.change(subscription, AUTOMATIC, () => {
          subscription.status = "active";
        }, () => {
          this.events.emit("invoice.paid", open);
          this.events.emit("invoice.payment_succeeded", open);
        });
      } else {
        this.fail(open, null);
        this.change(subscription, AUTOMATIC, () => {
          subscription.status = "unpaid";
        }, () => this.events.emit("invoice.payment_failed", open));
      }
      return subscription;
    }

    const price = item.price;
    const recurring = price.recurring;
    const interval = recurring && isInterval(recurring.interval) ? recurring.interval : "month";
    const nextEnd = nextBoundary(subscription.billing_cycle_anchor, interval, recurring?.interval_count ?? 1, boundary);
    const invoice = this.newInvoice(subscription, "subscription_cycle", {
      lineStart: boundary,
      lineEnd: nextEnd,
      periodStart: item.current_period_start,
      periodEnd: boundary,
      subtotal: (price.unit_amount ?? 0) * (item.quantity ?? 1),
      at: boundary,
    });
    if (paid) this.pay(invoice, boundary);
    else this.fail(invoice, boundary + 3 * 86_400);
    this.change(subscription, AUTOMATIC, () => {
      // A new object, so the event's previous_attributes keep the old period.
      subscription.items = {
        ...subscription.items,
        data: subscription.items.data.map((entry) => ({ ...entry, current_period_start: boundary, current_period_end: nextEnd })),
      };
      subscription.latest_invoice = invoice.id;
      subscription.status = paid ? "active" : "past_due";
    }, () => {
      if (paid) {
        this.events.emit("invoice.paid", invoice);
        this.events.emit("invoice.payment_succeeded", invoice);
      } else {
        this.events.emit("invoice.payment_failed", invoice);
      }
    });
    return subscription;
  }

  // ---- cards and the portal ----------------------------------------------

  /** The portal's "Update card": a new default card for the customer and their live subscriptions. */
  updateCard(customerId: string, card: ValidCard, name: string | null): { ok: true } | { ok: false; decline: Decline } {
    const customer = this.customer(customerId);
    if (card.card.onAttach) return { ok: false, decline: card.card.onAttach };
    const paymentMethod = this.attachCard(customer, card, name, nowSeconds());
    const before = toJson(customer);
    customer.invoice_settings = { ...customer.invoice_settings, default_payment_method: paymentMethod.id };
    this.events.emit("customer.updated", customer, { previous: previousAttributes(before, toJson(customer)) });
    for (const subscription of this.store.subscriptionsOf(customer.id)) {
      if (subscription.status === "canceled" || subscription.status === "incomplete_expired") continue;
      this.change(subscription, AUTOMATIC, () => {
        subscription.default_payment_method = paymentMethod.id;
      });
    }
    return { ok: true };
  }

  defaultCard(customer: Stripe.Customer): Stripe.PaymentMethod | undefined {
    const id = customer.invoice_settings.default_payment_method;
    return typeof id === "string" ? this.store.paymentMethods.get(id) : undefined;
  }

  createPortalSession(customerId: string, returnUrl: string | null): Stripe.BillingPortal.Session {
    const customer = this.customer(customerId, "customer", 400);
    const session = buildPortalSession({
      customer: customer.id,
      returnUrl,
      configuration: this.store.portalConfigurationId,
      url: this.options.portalUrl,
      now: nowSeconds(),
    });
    this.store.portalSessions.set(session.id, session);
    return session;
  }

  // ---- internals ---------------------------------------------------------

  /**
   * Applies `mutate` and, if anything visible changed, emits
   * customer.subscription.updated with previous_attributes — after whatever
   * `emitFirst` emits (the invoice events that led to the change).
   */
  private change(subscription: Stripe.Subscription, request: EventRequest, mutate: () => void, emitFirst?: () => void): void {
    const previousState: JsonObject = toJson(subscription);
    mutate();
    emitFirst?.();
    const previous = previousAttributes(previousState, toJson(subscription));
    if (Object.keys(previous).length > 0) this.events.emit("customer.subscription.updated", subscription, { previous, request });
  }

  private productOf(price: Stripe.Price): Stripe.Product {
    const id = typeof price.product === "string" ? price.product : price.product.id;
    const product = this.store.products.get(id);
    if (!product) throw invalidParam("price", `The price '${price.id}' has no product.`);
    return product;
  }

  private attachCard(customer: Stripe.Customer, card: ValidCard, name: string | null, now: number): Stripe.PaymentMethod {
    const paymentMethod = buildPaymentMethod({
      card: card.card,
      expMonth: card.expMonth,
      expYear: card.expYear,
      name,
      email: customer.email,
      customer: customer.id,
      now,
    });
    this.store.paymentMethods.set(paymentMethod.id, paymentMethod);
    this.store.testCards.set(paymentMethod.id, card.card);
    return paymentMethod;
  }

  /** What charging this subscription's card would do: its own default card, else the customer's. */
  private chargeOutcome(subscription: Stripe.Subscription): "paid" | "failed" {
    const customer = this.store.customers.get(typeof subscription.customer === "string" ? subscription.customer : subscription.customer.id);
    const pmId = typeof subscription.default_payment_method === "string" ? subscription.default_payment_method : undefined;
    const paymentMethod = (pmId ? this.store.paymentMethods.get(pmId) : undefined) ?? (customer ? this.defaultCard(customer) : undefined);
    const card = paymentMethod ? this.store.testCards.get(paymentMethod.id) : undefined;
    return card && !card.onCharge ? "paid" : "failed";
  }

  private openInvoice(subscription: Stripe.Subscription): Stripe.Invoice | undefined {
    const id = typeof subscription.latest_invoice === "string" ? subscription.latest_invoice : subscription.latest_invoice?.id;
    const invoice = id ? this.store.invoices.get(id) : undefined;
    return invoice?.status === "open" ? invoice : undefined;
  }

  private newInvoice(
    subscription: Stripe.Subscription,
    billingReason: "subscription_create" | "subscription_cycle",
    period: { lineStart: number; lineEnd?: number; periodStart: number; periodEnd: number; subtotal: number; at: number },
  ): Stripe.Invoice {
    const customer = this.customer(typeof subscription.customer === "string" ? subscription.customer : subscription.customer.id);
    const item = subscription.items.data[0];
    if (!item) throw new ApiError(500, "api_error", "subscription without items");
    const discount = this.discountFor(subscription, period.subtotal);
    const sequence = customer.next_invoice_sequence ?? 1;
    customer.next_invoice_sequence = sequence + 1;
    const invoice = buildInvoice({
      customer,
      subscription,
      item,
      billingReason,
      lineStart: period.lineStart,
      lineEnd: period.lineEnd ?? item.current_period_end,
      periodStart: period.periodStart,
      periodEnd: period.periodEnd,
      subtotal: period.subtotal,
      discount,
      number: `${customer.invoice_prefix ?? "DOJO"}-${String(sequence).padStart(4, "0")}`,
      accountName: this.options.businessName,
      now: period.at,
    });
    this.store.invoices.set(invoice.id, invoice);
    return invoice;
  }

  private discountFor(subscription: Stripe.Subscription, subtotal: number): { id: string; amount: number } | null {
    const first = subscription.discounts[0];
    const discountId = typeof first === "string" ? first : first?.id;
    const discount = discountId ? this.store.discounts.get(discountId) : undefined;
    const couponId = discount && typeof discount.source.coupon === "string" ? discount.source.coupon : undefined;
    const coupon = couponId ? this.store.coupons.get(couponId) : undefined;
    if (!discount || !coupon) return null;
    return { id: discount.id, amount: couponAmount(coupon, subtotal) };
  }

  private pay(invoice: Stripe.Invoice, at: number): void {
    invoice.status = "paid";
    invoice.attempted = true;
    if (invoice.amount_due > 0) invoice.attempt_count += 1;
    invoice.amount_paid = invoice.amount_due;
    invoice.amount_remaining = 0;
    invoice.next_payment_attempt = null;
    invoice.status_transitions = { ...invoice.status_transitions, paid_at: at };
    const customer = this.store.customers.get(typeof invoice.customer === "string" ? invoice.customer : "");
    if (customer) customer.delinquent = false;
  }

  private fail(invoice: Stripe.Invoice, nextAttempt: number | null): void {
    invoice.status = "open";
    invoice.attempted = true;
    invoice.attempt_count += 1;
    invoice.next_payment_attempt = nextAttempt;
    const customer = this.store.customers.get(typeof invoice.customer === "string" ? invoice.customer : "");
    if (customer) customer.delinquent = true;
  }
}

/** What a coupon takes off a subtotal: a percentage (rounded), or a fixed amount up to the subtotal. */
function couponAmount(coupon: Stripe.Coupon, subtotal: number): number {
  return coupon.percent_off !== null ? Math.round((subtotal * coupon.percent_off) / 100) : Math.min(coupon.amount_off ?? 0, subtotal);
}

function reject(status: 400 | 402, field: FormField, message: string): CheckoutOutcome {
  return { kind: "rejected", problem: { status, field, message } };
}

function canceledImmutable(): ApiError {
  return new ApiError(400, "invalid_request_error", "A canceled subscription can only update its cancellation_details and metadata.");
}
