// Billing: Stripe owns the truth; these rows are derived from it.
import { bigserial, boolean, index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./auth";

export const plans = pgTable("plans", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  interval: text("interval", { enum: ["month", "year"] }).notNull(),
  amountCents: integer("amount_cents").notNull(),
  currency: text("currency").notNull().default("usd"),
  stripePriceId: text("stripe_price_id").notNull().unique(),
  trialDays: integer("trial_days").notNull().default(0),
  active: boolean("active").notNull().default(true),
  sortOrder: integer("sort_order").notNull().default(0),
});

export const subscriptions = pgTable(
  "subscriptions",
  {
    id: text("id").primaryKey(), // Stripe's subscription id
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    stripeCustomerId: text("stripe_customer_id").notNull(),
    status: text("status").notNull(),
    stripePriceId: text("stripe_price_id"),
    currentPeriodEnd: timestamp("current_period_end", { withTimezone: true }),
    cancelAtPeriodEnd: boolean("cancel_at_period_end").notNull().default(false),
    trialEnd: timestamp("trial_end", { withTimezone: true }),
    /** When the subscription first went past_due in its current spell; the grace period counts from here. */
    pastDueSince: timestamp("past_due_since", { withTimezone: true }),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    /** What this subscription adds to monthly recurring revenue, as last recorded in mrr_changes (minor units). */
    mrrMinor: integer("mrr_minor").notNull().default(0),
    mrrCurrency: text("mrr_currency"),
    /** First seen paying, and first seen on a trial: each counted once in the funnel. */
    firstPaidAt: timestamp("first_paid_at", { withTimezone: true }),
    trialStartedAt: timestamp("trial_started_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("subscriptions_user_id_idx").on(t.userId)],
);

/** Every Stripe event applied, keyed by its id: the same event twice has one effect. */
export const stripeEvents = pgTable("stripe_events", {
  id: text("id").primaryKey(),
  type: text("type").notNull(),
  processedAt: timestamp("processed_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Complimentary access granted by an admin, until `endsAt` unless revoked. */
export const comps = pgTable(
  "comps",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    grantedBy: text("granted_by").references(() => users.id, { onDelete: "set null" }),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    note: text("note"),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("comps_user_id_idx").on(t.userId)],
);

/**
 * Every change to monthly recurring revenue, written in the same transaction as the subscription
 * change that caused it: the dashboard's month-by-month MRR is a sum over these. No foreign key:
 * a deleted account's history still happened (the row names only Stripe's subscription id).
 * `amountMinor` is the signed change in the currency's minor units.
 */
export const mrrChanges = pgTable(
  "mrr_changes",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    subscriptionId: text("subscription_id").notNull(),
    kind: text("kind", { enum: ["new", "expansion", "contraction", "churn"] }).notNull(),
    amountMinor: integer("amount_minor").notNull(),
    currency: text("currency").notNull(),
    stripePriceId: text("stripe_price_id"),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("mrr_changes_occurred_at_idx").on(t.occurredAt)],
);
