// Top-level parameters Stripe accepts on each endpoint, copied from the SDK's
// *Params types (stripe v23). A name outside these lists is a typo or an older
// API's parameter, and Stripe answers "Received unknown parameter" — so does
// the emulator. Names inside them that the emulator doesn't act on are
// accepted and logged once (see `ignored` in api.ts).
const PAGINATION = ["limit", "starting_after", "ending_before", "expand"] as const;

export const KNOWN = {
  customerCreate: [
    "address", "balance", "business_name", "cash_balance", "description", "email", "expand", "individual_name",
    "invoice_prefix", "invoice_settings", "metadata", "name", "next_invoice_sequence", "payment_method", "phone",
    "preferred_locales", "shipping", "source", "tax", "tax_exempt", "tax_id_data", "test_clock", "validate",
  ],
  customerUpdate: [
    "address", "balance", "business_name", "cash_balance", "default_source", "description", "email", "expand",
    "individual_name", "invoice_prefix", "invoice_settings", "metadata", "name", "next_invoice_sequence", "phone",
    "preferred_locales", "shipping", "source", "tax", "tax_exempt", "validate",
  ],
  customerList: [...PAGINATION, "created", "email", "test_clock"],
  retrieve: ["expand"],
  checkoutCreate: [
    "adaptive_pricing", "after_expiration", "allow_promotion_codes", "allowed_payment_method_types", "automatic_tax",
    "billing_address_collection", "branding_settings", "cancel_url", "client_reference_id", "consent_collection",
    "currency", "custom_fields", "custom_text", "customer", "customer_account", "customer_creation", "customer_email",
    "customer_update", "discounts", "excluded_payment_method_types", "expand", "expires_at", "integration_identifier",
    "invoice_creation", "line_items", "locale", "managed_payments", "metadata", "mode", "name_collection",
    "optional_items", "origin_context", "payment_intent_data", "payment_method_collection",
    "payment_method_configuration", "payment_method_data", "payment_method_options", "permissions",
    "phone_number_collection", "redirect_on_completion", "return_url", "saved_payment_method_options",
    "setup_intent_data", "shipping_address_collection", "shipping_options", "submit_type", "subscription_data",
    "success_url", "tax_id_collection", "ui_mode", "wallet_options",
  ],
  checkoutLineItem: ["adjustable_quantity", "metadata", "price", "price_data", "quantity", "tax_rates"],
  checkoutSubscriptionData: [
    "application_fee_percent", "billing_cycle_anchor", "billing_cycle_anchor_config", "billing_mode",
    "default_tax_rates", "description", "invoice_settings", "metadata", "on_behalf_of", "pending_invoice_item_interval",
    "proration_behavior", "transfer_data", "trial_end", "trial_period_days", "trial_settings",
  ],
  checkoutDiscount: ["coupon", "promotion_code"],
  checkoutList: [...PAGINATION, "created", "customer", "customer_account", "customer_details", "payment_intent", "payment_link", "status", "subscription"],
  subscriptionUpdate: [
    "add_invoice_items", "application_fee_percent", "automatic_tax", "billing_cycle_anchor", "billing_schedules",
    "billing_thresholds", "cancel_at", "cancel_at_period_end", "cancellation_details", "collection_method",
    "days_until_due", "default_payment_method", "default_source", "default_tax_rates", "description", "discounts",
    "expand", "invoice_settings", "items", "metadata", "off_session", "on_behalf_of", "pause_collection",
    "payment_behavior", "payment_settings", "pending_invoice_item_interval", "proration_behavior", "proration_date",
    "transfer_data", "trial_end", "trial_from_plan", "trial_settings",
  ],
  subscriptionList: [
    ...PAGINATION, "automatic_tax", "collection_method", "created", "current_period_end", "current_period_start",
    "customer", "customer_account", "plan", "price", "status", "test_clock",
  ],
  subscriptionCancel: ["cancellation_details", "expand", "invoice_now", "prorate"],
  portalCreate: ["after_expiration", "configuration", "customer", "customer_account", "expand", "flow_data", "locale", "on_behalf_of", "return_url"],
  priceList: [...PAGINATION, "active", "created", "currency", "lookup_keys", "product", "recurring", "type"],
  promotionCodeList: [...PAGINATION, "active", "code", "coupon", "created", "customer", "customer_account"],
  invoiceList: [...PAGINATION, "collection_method", "created", "customer", "customer_account", "due_date", "status", "subscription"],
  eventList: [...PAGINATION, "created", "delivery_success", "type", "types"],
  lineItemList: [...PAGINATION],
  refundCreate: ["amount", "charge", "currency", "customer", "expand", "instructions_email", "metadata", "origin", "payment_intent", "reason", "refund_application_fee", "reverse_transfer"],
  refundList: [...PAGINATION, "charge", "created", "payment_intent"],
  chargeList: [...PAGINATION, "created", "customer", "payment_intent", "transfer_group"],
  disputeList: [...PAGINATION, "charge", "created", "payment_intent"],
} as const satisfies Record<string, readonly string[]>;
