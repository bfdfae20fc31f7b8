import { sql } from "drizzle-orm";
import { bigint, index, integer, pgTable, primaryKey, serial, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";

/**
 * One row per address (stored lower-cased, so the unique key is the address).
 * Only `confirmed` rows get issues. `confirmNonce` is set while a double opt-in
 * is open: confirmation links carry a signature over it, and clearing it (on
 * confirm or unsubscribe) makes every older link stop working.
 */
export const newsletterSubscribers = pgTable(
  "newsletter_subscribers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull().unique(),
    name: text("name"),
    status: text("status", { enum: ["pending", "confirmed", "unsubscribed"] }).notNull().default("pending"),
    /** Where they signed up: home, quiz, newsletter, account, import. */
    source: text("source").notNull(),
    confirmNonce: text("confirm_nonce"),
    subscribedAt: timestamp("subscribed_at", { withTimezone: true }),
    unsubscribedAt: timestamp("unsubscribed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  // The second index: the dashboard's unsubscribes per week and per issue read only the few who left.
  (t) => [index("newsletter_subscribers_status_idx").on(t.status), index("newsletter_subscribers_unsubscribed_idx").on(t.unsubscribedAt).where(sql`unsubscribed_at is not null`)],
);

export const newsletterIssues = pgTable(
  "newsletter_issues",
  {
    id: serial("id").primaryKey(),
    subject: text("subject").notNull(),
    bodyMd: text("body_md").notNull().default(""),
    audience: text("audience", { enum: ["all", "members", "non_members"] }).notNull().default("all"),
    /** Who may read it in the archive once sent. */
    visibility: text("visibility", { enum: ["public", "members"] }).notNull().default("public"),
    status: text("status", { enum: ["draft", "scheduled", "sending", "sent"] }).notNull().default("draft"),
    scheduledAt: timestamp("scheduled_at", { withTimezone: true }),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    recipientCount: integer("recipient_count"),
    /** Final tallies, kept because old outbox rows are purged after a month. */
    sentCount: integer("sent_count"),
    failedCount: integer("failed_count"),
    /** The send-rate limiter's clock: rows are handed to the outbox no faster than NEWSLETTER_SEND_RATE allows past it. */
    enqueueClock: timestamp("enqueue_clock", { withTimezone: true }),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("newsletter_issues_status_idx").on(t.status, t.scheduledAt)],
);

/**
 * Who gets an issue, fixed when sending starts: one row per issue and recipient,
 * so a restarted sender can never pick anyone twice. `waiting` → `queued` (an
 * outbox row exists) or `skipped` (they unsubscribed before their turn).
 */
export const newsletterDeliveries = pgTable(
  "newsletter_deliveries",
  {
    issueId: integer("issue_id")
      .notNull()
      .references(() => newsletterIssues.id, { onDelete: "cascade" }),
    subscriberId: uuid("subscriber_id")
      .notNull()
      .references(() => newsletterSubscribers.id, { onDelete: "cascade" }),
    state: text("state", { enum: ["waiting", "queued", "skipped"] }).notNull().default("waiting"),
    /** The email_outbox row it became. No foreign key: outbox rows are purged after a month, and the tallies kept on the issue outlive them. */
    outboxId: bigint("outbox_id", { mode: "number" }),
  },
  (t) => [primaryKey({ columns: [t.issueId, t.subscriberId] }), index("newsletter_deliveries_state_idx").on(t.issueId, t.state)],
);
