// The /v1 subset of Stripe's API that the app uses, on Stripe's wire protocol:
// form-encoded bodies, Bearer sk_test_ keys, JSON answers, Stripe's error
// shape, Request-Id / Stripe-Version headers and Idempotency-Key replays.
import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type Stripe from "stripe";
import type { Billing } from "./billing";
import { ApiError, invalidParam, missingParam, noSuch } from "./errors";
import type { EventLog, EventRequest } from "./events";
import { type ExpandSources, expand } from "./expand";
import { Params, parseForm } from "./form";
import { type Method, type Route, matchRoute, readBody, sendJson } from "./http";
import { newRequestId } from "./ids";
import { type Json, type JsonObject, previousAttributes, toJson } from "./json";
import { KNOWN } from "./known-params";
import { API_VERSION, buildProduct } from "./objects";
import { buildOneTimePrice } from "./payment-objects";
import { type Store, newestFirst } from "./store";
import { nowSeconds } from "./time";

interface Call {
  query: Params;
  body: Params;
  /** For events this call causes: Stripe records the request id and idempotency key. */
  request: EventRequest;
}

interface Reply {
  status: number;
  body: JsonObject;
}

interface StoredReply {
  fingerprint: string;
  reply: Reply;
  requestId: string;
}

export class StripeApi {
  private readonly routes: ReadonlyArray<Route<Call, JsonObject>>;
  /** Idempotency-Key → first reply, per API key (Stripe scopes keys to the account). */
  private readonly idempotent = new Map<string, StoredReply>();
  private readonly ignoredLogged = new Set<string>();

  constructor(
    private readonly store: Store,
    private readonly billing: Billing,
    private readonly events: EventLog,
    private readonly log: (line: string) => void,
  ) {
    this.routes = this.defineRoutes();
  }

  async handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const requestId = newRequestId();
    const versionHeader = req.headers["stripe-version"];
    const headers: Record<string, string> = {
      "Request-Id": requestId,
      "Stripe-Version": typeof versionHeader === "string" && versionHeader ? versionHeader : API_VERSION,
      "Cache-Control": "no-cache, no-store",
    };
    const method = req.method ?? "GET";
    const idempotencyKey = method === "POST" ? headerValue(req, "idempotency-key") : null;
    if (idempotencyKey) headers["Idempotency-Key"] = idempotencyKey;
    try {
      const apiKey = authenticate(req);
      const rawBody = method === "POST" ? await readBody(req) : "";
      const scopedKey = idempotencyKey ? `${apiKey}\n${idempotencyKey}` : null;
      const fingerprint = createHash("sha256").update(`${method} ${url.pathname}\n${rawBody}`).digest("hex");
      const stored = scopedKey ? this.idempotent.get(scopedKey) : undefined;
      if (stored) {
        if (stored.fingerprint !== fingerprint)
          throw new ApiError(
            400,
            "idempotency_error",
            `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idempotencyKey}' if you meant to execute a different request.`,
          );
        sendJson(res, stored.reply.status, stored.reply.body, { ...headers, "Idempotent-Replayed": "true", "Original-Request": stored.requestId });
        return;
      }
      const call: Call = {
        query: new Params(parseForm(url.search.slice(1))),
        body: new Params(parseForm(rawBody)),
        request: { id: requestId, idempotency_key: idempotencyKey },
      };
      const reply: Reply = { status: 200, body: this.dispatch(method, url.pathname, call) };
      // Only successes are kept: Stripe doesn't store a result for a request that failed validation.
      if (scopedKey) this.idempotent.set(scopedKey, { fingerprint, reply, requestId });
      sendJson(res, reply.status, reply.body, headers);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (error.status === 401) headers["WWW-Authenticate"] = 'Bearer realm="Stripe"';
      sendJson(res, error.status, error.toJson(), headers);
    }
  }

  private dispatch(method: string, path: string, call: Call): JsonObject {
    const found = matchRoute(this.routes, method, path.replace(/\/+$/, ""));
    if (found === undefined || found === "method_not_allowed")
      throw new ApiError(
        404,
        "invalid_request_error",
        `Unrecognized request URL (${method}: ${path}). The Stripe emulator implements only the part of the API this app uses.`,
      );
    return found.route.handle(call, found.params);
  }

  private defineRoutes(): Array<Route<Call, JsonObject>> {
    const route = (method: Method, path: string, handle: (call: Call, params: string[]) => JsonObject): Route<Call, JsonObject> => ({
      method,
      // `:id` segments; ids never contain slashes.
      pattern: new RegExp(`^${path.replace(/:[a-z]+/g, "([^/]+)")}$`),
      handle,
    });
    return [
      route("POST", "/v1/customers", (call) => this.createCustomer(call)),
      route("GET", "/v1/customers", (call) => this.listCustomers(call)),
      route("GET", "/v1/customers/:id", (call, [id = ""]) => this.retrieve(call, this.billing.customer(id))),
      route("POST", "/v1/customers/:id", (call, [id = ""]) => this.updateCustomer(call, id)),
      route("GET", "/v1/products/:id", (call, [id = ""]) => this.retrieve(call, this.found(this.store.products.get(id), "product", id))),
      route("GET", "/v1/prices", (call) => this.listPrices(call)),
      route("GET", "/v1/prices/:id", (call, [id = ""]) => this.retrieve(call, this.found(this.store.prices.get(id), "price", id))),
      route("GET", "/v1/promotion_codes", (call) => this.listPromotionCodes(call)),
      route("GET", "/v1/promotion_codes/:id", (call, [id = ""]) =>
        this.retrieve(call, this.found(this.store.promotionCodes.get(id), "promotion code", id)),
      ),
      route("GET", "/v1/coupons/:id", (call, [id = ""]) => this.retrieve(call, this.found(this.store.coupons.get(id), "coupon", id))),
      route("POST", "/v1/checkout/sessions", (call) => this.createCheckoutSession(call)),
      route("GET", "/v1/checkout/sessions", (call) => this.listCheckoutSessions(call)),
      route("GET", "/v1/checkout/sessions/:id", (call, [id = ""]) => this.retrieve(call, this.checkoutSession(id))),
      route("GET", "/v1/checkout/sessions/:id/line_items", (call, [id = ""]) => this.listLineItems(call, id)),
      route("POST", "/v1/checkout/sessions/:id/expire", (call, [id = ""]) => {
        call.body.rejectUnknown(KNOWN.retrieve);
        return this.respond(this.billing.expireCheckoutSession(id, call.request), call.body);
      }),
      route("GET", "/v1/subscriptions", (call) => this.listSubscriptions(call)),
      route("GET", "/v1/subscriptions/:id", (call, [id = ""]) => this.retrieve(call, this.billing.subscription(id))),
      route("POST", "/v1/subscriptions/:id", (call, [id = ""]) => this.updateSubscription(call, id)),
      route("DELETE", "/v1/subscriptions/:id", (call, [id = ""]) => this.cancelSubscription(call, id)),
      route("POST", "/v1/billing_portal/sessions", (call) => this.createPortalSession(call)),
      route("GET", "/v1/invoices", (call) => this.listInvoices(call)),
      route("GET", "/v1/invoices/:id", (call, [id = ""]) => this.retrieve(call, this.found(this.store.invoices.get(id), "invoice", id))),
      route("GET", "/v1/payment_methods/:id", (call, [id = ""]) =>
        this.retrieve(call, this.found(this.store.paymentMethods.get(id), "PaymentMethod", id)),
      ),
      route("GET", "/v1/payment_intents/:id", (call, [id = ""]) =>
        this.retrieve(call, this.found(this.store.paymentIntents.get(id), "payment_intent", id)),
      ),
      route("GET", "/v1/charges", (call) =>
        this.listPayments(call, KNOWN.chargeList, this.store.charges.values(), "/v1/charges", { customer: (c) => c.customer, payment_intent: (c) => c.payment_intent }),
      ),
      route("GET", "/v1/charges/:id", (call, [id = ""]) => this.retrieve(call, this.billing.charge(id))),
      route("POST", "/v1/refunds", (call) => this.createRefund(call)),
      route("GET", "/v1/refunds", (call) =>
        this.listPayments(call, KNOWN.refundList, this.store.refunds.values(), "/v1/refunds", { charge: (r) => r.charge, payment_intent: (r) => r.payment_intent }),
      ),
      route("GET", "/v1/refunds/:id", (call, [id = ""]) => this.retrieve(call, this.found(this.store.refunds.get(id), "refund", id))),
      route("GET", "/v1/disputes", (call) =>
        this.listPayments(call, KNOWN.disputeList, this.store.disputes.values(), "/v1/disputes", { charge: (d) => d.charge, payment_intent: (d) => d.payment_intent }),
      ),
      route("GET", "/v1/disputes/:id", (call, [id = ""]) => this.retrieve(call, this.found(this.store.disputes.get(id), "dispute", id))),
      route("GET", "/v1/events", (call) => this.listEvents(call)),
      route("GET", "/v1/events/:id", (call, [id = ""]) => this.retrieve(call, this.found(this.events.get(id), "event", id))),
    ];
  }

  // ---- customers -----------------------------------------------------------

  private createCustomer(call: Call): JsonObject {
    const body = call.body;
    body.rejectUnknown(KNOWN.customerCreate);
    this.ignored(body, ["description", "email", "expand", "metadata", "name", "phone"]);
    const customer = this.billing.createCustomer({
      email: validEmail(body, "email"),
      name: body.string("name") || null,
      description: body.string("description") || null,
      phone: body.string("phone") || null,
      metadata: body.metadata("metadata", {}) ?? {},
    });
    return this.respond(customer, body);
  }

  private updateCustomer(call: Call, id: string): JsonObject {
    const body = call.body;
    body.rejectUnknown(KNOWN.customerUpdate);
    this.ignored(body, ["description", "email", "expand", "metadata", "name", "phone", "invoice_settings"]);
    const customer = this.billing.customer(id);
    const before = toJson(customer);
    if (body.has("email")) customer.email = validEmail(body, "email");
    if (body.has("name")) customer.name = body.string("name") || null;
    if (body.has("description")) customer.description = body.string("description") || null;
    if (body.has("phone")) customer.phone = body.string("phone") || null;
    const metadata = body.metadata("metadata", customer.metadata);
    if (metadata) customer.metadata = metadata;
    const defaultPm = body.object("invoice_settings")?.string("default_payment_method");
    if (defaultPm !== undefined) {
      if (defaultPm && this.store.paymentMethods.get(defaultPm)?.customer !== customer.id)
        throw noSuch("PaymentMethod", defaultPm, "invoice_settings[default_payment_method]", 400);
      customer.invoice_settings = { ...customer.invoice_settings, default_payment_method: defaultPm || null };
    }
    const previous = previousAttributes(before, toJson(customer));
    if (Object.keys(previous).length > 0) this.events.emit("customer.updated", customer, { previous, request: call.request });
    return this.respond(customer, body);
  }

  private listCustomers(call: Call): JsonObject {
    const query = call.query;
    query.rejectUnknown(KNOWN.customerList);
    this.ignored(query, ["email", "limit", "starting_after", "ending_before", "expand"]);
    const email = query.string("email");
    const customers = newestFirst(this.store.customers.values()).filter((customer) => email === undefined || customer.email === email);
    return this.list(customers, query, "/v1/customers");
  }

  // ---- catalogue -----------------------------------------------------------

  private listPrices(call: Call): JsonObject {
    const query = call.query;
    query.rejectUnknown(KNOWN.priceList);
    this.ignored(query, ["active", "currency", "lookup_keys", "product", "type", "limit", "starting_after", "ending_before", "expand"]);
    const active = query.bool("active");
    const currency = query.string("currency");
    const product = query.string("product");
    const type = query.string("type");
    const lookupKeys = query.strings("lookup_keys");
    const prices = newestFirst(this.store.prices.values()).filter(
      (price) =>
        (active === undefined || price.active === active) &&
        (currency === undefined || price.currency === currency) &&
        (product === undefined || price.product === product) &&
        (type === undefined || price.type === type) &&
        (lookupKeys.length === 0 || (price.lookup_key !== null && lookupKeys.includes(price.lookup_key))),
    );
    return this.list(prices, query, "/v1/prices");
  }

  private listPromotionCodes(call: Call): JsonObject {
    const query = call.query;
    query.rejectUnknown(KNOWN.promotionCodeList);
    this.ignored(query, ["active", "code", "coupon", "limit", "starting_after", "ending_before", "expand"]);
    const active = query.bool("active");
    const code = query.string("code");
    const coupon = query.string("coupon");
    const promos = newestFirst(this.store.promotionCodes.values()).filter(
      (promo) =>
        (active === undefined || promo.active === active) &&
        (code === undefined || promo.code.toUpperCase() === code.toUpperCase()) &&
        (coupon === undefined || promo.promotion.coupon === coupon),
    );
    return this.list(promos, query, "/v1/promotion_codes");
  }

  // ---- checkout ------------------------------------------------------------

  private createCheckoutSession(call: Call): JsonObject {
    const body = call.body;
    body.rejectUnknown(KNOWN.checkoutCreate);
    this.ignored(body, [
      "mode", "customer", "customer_email", "client_reference_id", "line_items", "success_url", "cancel_url",
      "allow_promotion_codes", "discounts", "subscription_data", "payment_intent_data", "metadata", "expires_at", "expand",
    ]);

    const mode = body.requiredString("mode");
    if (mode !== "subscription" && mode !== "payment")
      throw invalidParam("mode", `The Stripe emulator supports mode=subscription and mode=payment (got '${mode}').`);

    const customer = body.string("customer") || null;
    const customerEmail = body.has("customer_email") ? validEmail(body, "customer_email") : null;
    if (customer && customerEmail) throw invalidParam("customer_email", "You may only specify one of these parameters: customer, customer_email.");

    const items = body.objects("line_items");
    if (!items || items.length === 0) throw missingParam("line_items");
    if (items.length > 1) throw invalidParam("line_items", "The Stripe emulator supports exactly one line item per Checkout Session.");
    const [item] = items;
    if (!item) throw missingParam("line_items");
    item.rejectUnknown(KNOWN.checkoutLineItem);
    this.ignored(item, ["price", "price_data", "quantity"]);
    const price = item.has("price_data") ? this.inlinePrice(item) : this.existingPrice(item);
    if (mode === "subscription" && price.type !== "recurring")
      throw invalidParam(item.path("price"), "You must provide at least one recurring price in `subscription` mode when using prices.");
    if (mode === "payment" && price.type === "recurring")
      throw invalidParam(
        item.path("price"),
        "You specified `payment` mode but passed a recurring price. Either switch to `subscription` mode or use only one-time prices.",
      );
    if (!item.has("quantity")) throw missingParam(item.path("quantity"));
    const quantity = item.int("quantity", { min: 1, max: 999_999 }) ?? 1;

    const paymentIntentData = body.object("payment_intent_data");
    if (paymentIntentData && mode !== "payment")
      throw invalidParam("payment_intent_data", "You can only specify `payment_intent_data` in `payment` mode.");
    if (paymentIntentData) this.ignored(paymentIntentData, ["metadata"]);

    const successUrl = validUrl(body, "success_url", true) ?? "";
    const cancelUrl = validUrl(body, "cancel_url", true) ?? "";
    const allowPromotionCodes = body.bool("allow_promotion_codes") ?? false;

    let presetDiscount: { coupon: string; promotionCode: string | null } | null = null;
    const discounts = body.objects("discounts") ?? [];
    if (discounts.length > 0 && allowPromotionCodes)
      throw invalidParam("discounts", "You may only specify one of these parameters: allow_promotion_codes, discounts.");
    if (discounts.length > 1) throw invalidParam("discounts", "You can only apply one discount to a Checkout Session.");
    const [discount] = discounts;
    if (discount) {
      discount.rejectUnknown(KNOWN.checkoutDiscount);
      const couponId = discount.string("coupon");
      const promoId = discount.string("promotion_code");
      if (promoId) {
        const promo = this.store.promotionCodes.get(promoId);
        if (!promo || !promo.active) throw noSuch("promotion code", promoId, discount.path("promotion_code"), 400);
        presetDiscount = { coupon: typeof promo.promotion.coupon === "string" ? promo.promotion.coupon : "", promotionCode: promo.id };
      } else if (couponId) {
        if (!this.store.coupons.get(couponId)) throw noSuch("coupon", couponId, discount.path("coupon"), 400);
        presetDiscount = { coupon: couponId, promotionCode: null };
      }
    }

    const subscriptionData = body.object("subscription_data");
    if (subscriptionData && mode !== "subscription")
      throw invalidParam("subscription_data", "You can only specify `subscription_data` in `subscription` mode.");
    subscriptionData?.rejectUnknown(KNOWN.checkoutSubscriptionData);
    if (subscriptionData) this.ignored(subscriptionData, ["trial_period_days", "metadata"]);
    const trialPeriodDays = subscriptionData?.int("trial_period_days", { min: 1, max: 730 }) ?? null;

    const clientReferenceId = body.string("client_reference_id") || null;
    if (clientReferenceId && clientReferenceId.length > 200)
      throw invalidParam("client_reference_id", "client_reference_id must be at most 200 characters.");

    const now = nowSeconds();
    const expiresAt = body.int("expires_at") ?? null;
    if (expiresAt !== null && (expiresAt < now + 30 * 60 || expiresAt > now + 24 * 3600))
      throw invalidParam("expires_at", "The `expires_at` timestamp must be between 30 minutes and 24 hours from Checkout Session creation.");

    const session = this.billing.createCheckoutSession({
      mode,
      paymentIntentMetadata: paymentIntentData?.metadata("metadata", {}) ?? {},
      customer,
      customerEmail,
      clientReferenceId,
      price,
      quantity,
      successUrl,
      cancelUrl,
      allowPromotionCodes,
      trialPeriodDays,
      subscriptionMetadata: subscriptionData?.metadata("metadata", {}) ?? {},
      metadata: body.metadata("metadata", {}) ?? {},
      presetDiscount,
      expiresAt,
    });
    return this.respond(session, body);
  }

  private existingPrice(item: Params): Stripe.Price {
    const priceId = item.requiredString("price");
    const price = this.store.prices.get(priceId);
    if (!price) throw noSuch("price", priceId, item.path("price"), 400);
    if (!price.active) throw invalidParam(item.path("price"), `The price specified is inactive. This field only accepts active prices.`);
    return price;
  }

  /** `price_data` with `product_data`: Stripe makes a one-time price and a product on the fly. */
  private inlinePrice(item: Params): Stripe.Price {
    if (item.has("price")) throw invalidParam(item.path("price"), "You may only specify one of these parameters: price, price_data.");
    const data = item.object("price_data");
    if (!data) throw missingParam(item.path("price_data"));
    if (data.has("recurring")) throw invalidParam(data.path("recurring"), "The Stripe emulator supports only one-time price_data.");
    if (data.has("product")) throw invalidParam(data.path("product"), "The Stripe emulator supports price_data with product_data only.");
    const currency = data.requiredString("currency").toLowerCase();
    if (!/^[a-z]{3}$/.test(currency)) throw invalidParam(data.path("currency"), `Invalid currency: ${currency}`);
    if (!data.has("unit_amount")) throw missingParam(data.path("unit_amount"));
    const unitAmount = data.int("unit_amount", { min: 0, max: 99_999_999 }) ?? 0;
    const productData = data.object("product_data");
    if (!productData) throw missingParam(data.path("product_data"));
    const name = productData.requiredString("name");
    const now = nowSeconds();
    const product = buildProduct({ name, description: productData.string("description") || undefined, now });
    product.metadata = productData.metadata("metadata", {}) ?? {};
    const price = buildOneTimePrice({ product: product.id, unitAmount, currency, now });
    this.store.products.set(product.id, product);
    this.store.prices.set(price.id, price);
    return price;
  }

  // ---- payments, refunds, disputes ----------------------------------------

  private createRefund(call: Call): JsonObject {
    const body = call.body;
    body.rejectUnknown(KNOWN.refundCreate);
    this.ignored(body, ["charge", "payment_intent", "amount", "reason", "metadata", "expand"]);
    const chargeId = body.string("charge");
    const intentId = body.string("payment_intent");
    if (chargeId && intentId) throw invalidParam("payment_intent", "You may only specify one of these parameters: charge, payment_intent.");
    if (!chargeId && !intentId) throw missingParam("charge");
    const charge = chargeId ? this.billing.charge(chargeId, "charge", 400) : this.billing.chargeOfIntent(intentId ?? "", "payment_intent");
    const reason = body.string("reason") || null;
    if (reason !== null && reason !== "duplicate" && reason !== "fraudulent" && reason !== "requested_by_customer")
      throw invalidParam("reason", "Invalid reason: must be one of duplicate, fraudulent, or requested_by_customer");
    const refund = this.billing.refund(
      charge,
      { amount: body.int("amount", { min: 1, max: 99_999_999 }) ?? null, reason, metadata: body.metadata("metadata", {}) ?? {} },
      call.request,
    );
    return this.respond(refund, body);
  }

  /** A payment list (charges, refunds, disputes) filtered by the ids Stripe lets each be listed by. */
  private listPayments<T extends { id: string; created: number }>(
    call: Call,
    known: readonly string[],
    items: Iterable<T>,
    url: string,
    filters: Record<string, (item: T) => unknown>,
  ): JsonObject {
    const query = call.query;
    query.rejectUnknown(known);
    this.ignored(query, [...Object.keys(filters), "limit", "starting_after", "ending_before", "expand"]);
    const wanted = Object.entries(filters).map(([name, field]) => [query.string(name), field] as const);
    const matching = newestFirst(items).filter((item) => wanted.every(([value, field]) => value === undefined || field(item) === value));
    return this.list(matching, query, url);
  }

  private checkoutSession(id: string): Stripe.Checkout.Session {
    return this.found(this.billing.checkoutSession(id), "checkout.session", id);
  }

  private listCheckoutSessions(call: Call): JsonObject {
    const query = call.query;
    query.rejectUnknown(KNOWN.checkoutList);
    this.ignored(query, ["customer", "payment_intent", "status", "subscription", "limit", "starting_after", "ending_before", "expand"]);
    const customer = query.string("customer");
    const status = query.string("status");
    const subscription = query.string("subscription");
    const paymentIntent = query.string("payment_intent");
    const sessions = newestFirst(this.store.checkoutSessions.values())
      .map((session) => this.billing.checkoutSession(session.id) ?? session)
      .filter(
        (session) =>
          (customer === undefined || session.customer === customer) &&
          (status === undefined || session.status === status) &&
          (subscription === undefined || session.subscription === subscription) &&
          (paymentIntent === undefined || session.payment_intent === paymentIntent),
      );
    return this.list(sessions, query, "/v1/checkout/sessions");
  }

  private listLineItems(call: Call, id: string): JsonObject {
    call.query.rejectUnknown(KNOWN.lineItemList);
    this.checkoutSession(id);
    const items = this.store.checkoutPlans.get(id)?.lineItems ?? [];
    return this.list(items, call.query, `/v1/checkout/sessions/${id}/line_items`);
  }

  // ---- subscriptions -------------------------------------------------------

  private listSubscriptions(call: Call): JsonObject {
    const query = call.query;
    query.rejectUnknown(KNOWN.subscriptionList);
    this.ignored(query, ["customer", "price", "status", "limit", "starting_after", "ending_before", "expand"]);
    const customer = query.string("customer");
    const price = query.string("price");
    const status = query.string("status");
    const statuses = ["active", "all", "canceled", "ended", "incomplete", "incomplete_expired", "past_due", "paused", "trialing", "unpaid"];
    if (status !== undefined && !statuses.includes(status))
      throw invalidParam("status", `Invalid status: must be one of ${statuses.join(", ")}`);
    const matchesStatus = (value: string): boolean => {
      if (status === "all") return true;
      if (status === "ended") return value === "canceled" || value === "incomplete_expired";
      if (status === undefined) return value !== "canceled" && value !== "incomplete_expired";
      return value === status;
    };
    const subscriptions = newestFirst(this.store.subscriptions.values()).filter(
      (sub) =>
        (customer === undefined || sub.customer === customer) &&
        (price === undefined || sub.items.data.some((item) => item.price.id === price)) &&
        matchesStatus(sub.status),
    );
    return this.list(subscriptions, query, "/v1/subscriptions");
  }

  private updateSubscription(call: Call, id: string): JsonObject {
    const body = call.body;
    body.rejectUnknown(KNOWN.subscriptionUpdate);
    this.ignored(body, ["cancel_at_period_end", "metadata", "default_payment_method", "cancellation_details", "expand"]);
    const current = this.billing.subscription(id);
    if (body.has("cancel_at") && body.string("cancel_at") !== "")
      throw invalidParam("cancel_at", "The Stripe emulator supports cancel_at_period_end, not cancel_at.");
    const details = body.object("cancellation_details");
    const comment = details?.has("comment") ? details.string("comment") || null : undefined;
    const subscription = this.billing.updateSubscription(
      id,
      {
        cancelAtPeriodEnd: body.bool("cancel_at_period_end"),
        metadata: body.metadata("metadata", current.metadata),
        defaultPaymentMethod: body.has("default_payment_method") ? body.string("default_payment_method") || null : undefined,
        comment,
      },
      call.request,
    );
    return this.respond(subscription, body);
  }

  private cancelSubscription(call: Call, id: string): JsonObject {
    // The SDK sends a DELETE's parameters in the query string; curl users may send a body.
    const params = call.query.keys().length > 0 ? call.query : call.body;
    params.rejectUnknown(KNOWN.subscriptionCancel);
    this.ignored(params, ["expand"]);
    return this.respond(this.billing.cancelNow(id, call.request), params);
  }

  // ---- portal, invoices, events -------------------------------------------

  private createPortalSession(call: Call): JsonObject {
    const body = call.body;
    body.rejectUnknown(KNOWN.portalCreate);
    this.ignored(body, ["customer", "return_url", "configuration", "expand"]);
    const customer = body.requiredString("customer");
    const returnUrl = validUrl(body, "return_url", false);
    const configuration = body.string("configuration");
    if (configuration && configuration !== this.store.portalConfigurationId)
      throw noSuch("billing portal configuration", configuration, "configuration", 400);
    return this.respond(this.billing.createPortalSession(customer, returnUrl), body);
  }

  private listInvoices(call: Call): JsonObject {
    const query = call.query;
    query.rejectUnknown(KNOWN.invoiceList);
    this.ignored(query, ["customer", "status", "subscription", "limit", "starting_after", "ending_before", "expand"]);
    const customer = query.string("customer");
    const status = query.string("status");
    const subscription = query.string("subscription");
    const invoices = newestFirst(this.store.invoices.values()).filter(
      (invoice) =>
        (customer === undefined || invoice.customer === customer) &&
        (status === undefined || invoice.status === status) &&
        (subscription === undefined || invoice.parent?.subscription_details?.subscription === subscription),
    );
    return this.list(invoices, query, "/v1/invoices");
  }

  private listEvents(call: Call): JsonObject {
    const query = call.query;
    query.rejectUnknown(KNOWN.eventList);
    this.ignored(query, ["type", "types", "limit", "starting_after", "ending_before", "expand"]);
    const type = query.string("type");
    const types = query.strings("types");
    const matches = (eventType: string): boolean => {
      if (types.length > 0) return types.includes(eventType);
      if (type === undefined) return true;
      // Stripe allows one wildcard: `customer.subscription.*`.
      return type.endsWith("*") ? eventType.startsWith(type.slice(0, -1)) : eventType === type;
    };
    const events = newestFirst([...this.events.all()]).filter((event) => matches(event.type));
    return this.list(events, query, "/v1/events");
  }

  // ---- shared --------------------------------------------------------------

  private retrieve(call: Call, object: object): JsonObject {
    call.query.rejectUnknown(KNOWN.retrieve);
    return this.respond(object, call.query);
  }

  private respond(object: object, params: Params): JsonObject {
    return expand(toJson(object), params.strings("expand"), this.expandSources());
  }

  private found<T>(object: T | undefined, kind: string, id: string): T {
    if (object === undefined) throw noSuch(kind, id);
    return object;
  }

  /** Stripe's list envelope with cursor pagination over items already in Stripe's order (newest first). */
  private list<T extends { id: string }>(items: T[], params: Params, url: string): JsonObject {
    const limit = params.int("limit", { min: 1, max: 100 }) ?? 10;
    const after = params.string("starting_after");
    const before = params.string("ending_before");
    let window = items;
    if (after) {
      const index = items.findIndex((item) => item.id === after);
      if (index < 0) throw invalidParam("starting_after", `No such object: '${after}'`);
      window = items.slice(index + 1, index + 1 + limit);
    } else if (before) {
      const index = items.findIndex((item) => item.id === before);
      if (index < 0) throw invalidParam("ending_before", `No such object: '${before}'`);
      window = items.slice(Math.max(0, index - limit), index);
    } else {
      window = items.slice(0, limit);
    }
    const first = window[0];
    const last = window[window.length - 1];
    const hasMore = before
      ? first !== undefined && items.indexOf(first) > 0
      : last !== undefined && items.indexOf(last) < items.length - 1;
    const data: Json[] = window.map((item) => toJson(item));
    const envelope: JsonObject = { object: "list", data, has_more: hasMore, url };
    return expand(envelope, params.strings("expand"), this.expandSources());
  }

  private expandSources(): ExpandSources {
    return {
      find: (id: string): JsonObject | undefined => {
        const found = this.store.find(id);
        return found ? toJson(found) : undefined;
      },
      include: (owner: JsonObject, field: string): Json | undefined => {
        if (owner.object === "checkout.session" && field === "line_items" && typeof owner.id === "string") {
          const items = this.store.checkoutPlans.get(owner.id)?.lineItems ?? [];
          return { object: "list", data: items.map((item) => toJson(item)), has_more: false, url: `/v1/checkout/sessions/${owner.id}/line_items` };
        }
        return undefined;
      },
    };
  }

  /** Logs, once per parameter, what Stripe would act on and the emulator ignores. */
  private ignored(params: Params, supported: readonly string[]): void {
    for (const path of params.ignored(supported)) {
      if (this.ignoredLogged.has(path)) continue;
      this.ignoredLogged.add(path);
      this.log(`[stripe-emulator] note: parameter ${path} is accepted by Stripe but ignored by the emulator`);
    }
  }
}

function headerValue(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name];
  return typeof value === "string" && value !== "" ? value : null;
}

/** Any `sk_test_` key is accepted, as Bearer or as Basic's user name (curl -u sk_test_x:). */
function authenticate(req: IncomingMessage): string {
  const header = req.headers.authorization;
  if (!header)
    throw new ApiError(
      401,
      "invalid_request_error",
      "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').",
    );
  let key = "";
  const [scheme = "", credentials = ""] = header.split(/\s+/, 2);
  if (scheme.toLowerCase() === "bearer") key = credentials;
  else if (scheme.toLowerCase() === "basic") key = Buffer.from(credentials, "base64").toString("utf8").split(":")[0] ?? "";
  if (!key.startsWith("sk_test_")) {
    const shown = key.length > 8 ? `${key.slice(0, 8)}${"*".repeat(Math.max(0, key.length - 12))}${key.slice(-4)}` : key;
    throw new ApiError(401, "invalid_request_error", `Invalid API Key provided: ${shown}. The Stripe emulator accepts only test keys (sk_test_...).`, {
      code: "api_key_invalid",
    });
  }
  return key;
}

function validEmail(params: Params, name: string): string | null {
  const email = params.string(name);
  if (!email) return null;
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw invalidParam(params.path(name), `Invalid email address: ${email}`);
  return email;
}

function validUrl(params: Params, name: string, required: boolean): string | null {
  const value = params.string(name);
  if (!value) {
    if (required) throw missingParam(params.path(name));
    return null;
  }
  let parsed: URL | null = null;
  try {
    parsed = new URL(value.replaceAll("{CHECKOUT_SESSION_ID}", "placeholder"));
  } catch {
    parsed = null;
  }
  if (!parsed || (parsed.protocol !== "http:" && parsed.protocol !== "https:")) throw invalidParam(params.path(name), "Not a valid URL");
  return value;
}
