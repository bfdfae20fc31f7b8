// One-time products (workbooks, audio programmes, short courses) and what members bought.
// Stripe owns the payment; a purchase row is derived from it, like a subscription.
import { sql } from "drizzle-orm";
import { bigint, check, index, integer, pgTable, primaryKey, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { lessons } from "./lessons";

export const products = pgTable(
  "products",
  {
    id: serial("id").primaryKey(),
    slug: text("slug").notNull().unique(),
    title: text("title").notNull(),
    /** One sentence for the catalogue. */
    summary: text("summary").notNull().default(""),
    descriptionMd: text("description_md").notNull().default(""),
    /** In the currency's smallest unit (cents, pence). */
    priceCents: integer("price_cents").notNull(),
    currency: text("currency").notNull().default("usd"),
    status: text("status", { enum: ["draft", "published"] }).notNull().default("draft"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("products_price_positive", sql`${t.priceCents} > 0`)],
);

/** A file a product delivers. The bytes live in the file store under `storageKey`, never at a public address. */
export const productFiles = pgTable(
  "product_files",
  {
    id: serial("id").primaryKey(),
    productId: integer("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    storageKey: text("storage_key").notNull().unique(),
    fileName: text("file_name").notNull(),
    contentType: text("content_type").notNull(),
    sizeBytes: bigint("size_bytes", { mode: "number" }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("product_files_product_idx").on(t.productId)],
);

/** Dojo lessons that owning the product opens, with or without a membership. */
export const productLessons = pgTable(
  "product_lessons",
  {
    productId: integer("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    lessonId: integer("lesson_id")
      .notNull()
      .references(() => lessons.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.productId, t.lessonId] }), index("product_lessons_lesson_idx").on(t.lessonId)],
);

/**
 * One paid Checkout Session. `status` follows Stripe: paid (owned), disputed (a dispute is
 * open: still owned), refunded (fully refunded), lost (a dispute lost). A second payment for
 * a product the member already owns is kept, with `duplicateOf`, and refunded.
 */
export const purchases = pgTable(
  "purchases",
  {
    id: text("id")
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    /** Null until the buyer's email has an account (bought signed out), or after the account is deleted. */
    userId: text("user_id").references(() => users.id, { onDelete: "set null" }),
    /** The address Stripe collected, lower-cased: how a purchase made signed out finds its account. Emptied on account deletion. */
    email: text("email"),
    productId: integer("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "restrict" }),
    /** The title when bought, for receipts and the library if the product is renamed. */
    productTitle: text("product_title").notNull(),
    checkoutSessionId: text("checkout_session_id").notNull().unique(),
    paymentIntentId: text("payment_intent_id").notNull().unique(),
    chargeId: text("charge_id"),
    receiptUrl: text("receipt_url"),
    amountCents: integer("amount_cents").notNull(),
    currency: text("currency").notNull(),
    amountRefundedCents: integer("amount_refunded_cents").notNull().default(0),
    status: text("status", { enum: ["paid", "disputed", "refunded", "lost"] }).notNull(),
    duplicateOf: text("duplicate_of"),
    downloadCount: integer("download_count").notNull().default(0),
    paidAt: timestamp("paid_at", { withTimezone: true }).notNull(),
    /** When access ended (refund or lost dispute); null while owned. */
    endedAt: timestamp("ended_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("purchases_user_idx").on(t.userId, t.paidAt),
    index("purchases_email_idx").on(t.email),
    index("purchases_paid_at_idx").on(t.paidAt),
    // At most one owning purchase per member and product: the database's answer to two tabs.
    uniqueIndex("purchases_one_owned_idx")
      .on(t.userId, t.productId)
      .where(sql`${t.status} in ('paid', 'disputed') and ${t.userId} is not null`),
  ],
);
