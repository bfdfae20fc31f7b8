// Tables only: no business rules live here (see ARCHITECTURE.md).
import { sql } from "drizzle-orm";
// Check-in tables live in their own file; re-exported so every table is in this one schema.
export * from "./schema-checkins";
import { bigint, bigserial, boolean, customType, date, index, integer, jsonb, pgTable, primaryKey, serial, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

/**
 * A completed quiz. Anonymous: no user, no IP, no email. The permalink token is
 * never stored, only its SHA-256, so a copy of the database cannot open results.
 * `result` is a snapshot of what the person was shown, so the page renders the
 * same prescription after the rules change.
 */
export const quizResults = pgTable(
  "quiz_results",
  {
    tokenHash: text("token_hash").primaryKey(),
    definitionVersion: integer("definition_version").notNull(),
    answers: jsonb("answers").notNull(),
    prescriptionId: text("prescription_id").notNull(),
    result: jsonb("result").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("quiz_results_created_at_idx").on(t.createdAt)],
);

/** Funnel counters without personal data: which step, which version, when. */
export const quizEvents = pgTable(
  "quiz_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    type: text("type", { enum: ["started", "answered", "completed", "result_viewed"] }).notNull(),
    definitionVersion: integer("definition_version").notNull(),
    questionId: text("question_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("quiz_events_type_created_at_idx").on(t.type, t.createdAt)],
);

/** Fixed-window request counters, shared by every app instance. */
export const rateLimits = pgTable(
  "rate_limits",
  {
    key: text("key").notNull(),
    windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
    count: integer("count").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] }), index("rate_limits_window_start_idx").on(t.windowStart)],
);


// ── Accounts (the shapes @auth/drizzle-adapter expects, plus our own columns) ──

export const users = pgTable(
  "users",
  {
    id: text("id")
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    name: text("name"),
    email: text("email").notNull(),
    emailVerified: timestamp("email_verified", { withTimezone: true, mode: "date" }),
    image: text("image"),
    role: text("role", { enum: ["member", "coach", "admin"] }).notNull().default("member"),
    stripeCustomerId: text("stripe_customer_id").unique(),
    timeZone: text("time_zone").notNull().default("UTC"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("users_email_lower_idx").on(sql`lower(${t.email})`)],
);

export const accounts = pgTable(
  "accounts",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    type: text("type").notNull(),
    provider: text("provider").notNull(),
    providerAccountId: text("provider_account_id").notNull(),
    refresh_token: text("refresh_token"),
    access_token: text("access_token"),
    expires_at: integer("expires_at"),
    token_type: text("token_type"),
    scope: text("scope"),
    id_token: text("id_token"),
    session_state: text("session_state"),
  },
  (t) => [primaryKey({ columns: [t.provider, t.providerAccountId] })],
);

/**
 * `expires` is set by Auth.js at sign-in (30 days) and never extended: the absolute lifetime.
 * `lastSeenAt` moves as the member uses the site; a week without it ends the session (idle lifetime).
 */
export const sessions = pgTable(
  "sessions",
  {
    sessionToken: text("session_token").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expires: timestamp("expires", { withTimezone: true, mode: "date" }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("sessions_user_id_idx").on(t.userId)],
);

/** Sign-in links. `token` holds a hash of the emailed token (Auth.js hashes it with AUTH_SECRET), never the token. */
export const verificationTokens = pgTable(
  "verification_tokens",
  {
    identifier: text("identifier").notNull(),
    token: text("token").notNull(),
    expires: timestamp("expires", { withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.identifier, t.token] })],
);

// ── Billing: Stripe owns the truth; these rows are derived from it ──

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

/** A quiz result a member chose to keep in their account (the token's hash, as in quiz_results). */
export const claimedQuizResults = pgTable(
  "claimed_quiz_results",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash")
      .notNull()
      .references(() => quizResults.tokenHash, { onDelete: "cascade" }),
    claimedAt: timestamp("claimed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.tokenHash] })],
);

// ── Email: every message is a row first, then delivered by the worker ──

export const emailOutbox = pgTable(
  "email_outbox",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    /** Lets a caller enqueue "at most once" (e.g. one payment-failed email per Stripe event). */
    dedupeKey: text("dedupe_key").unique(),
    userId: text("user_id").references(() => users.id, { onDelete: "cascade" }),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    textBody: text("text_body").notNull(),
    htmlBody: text("html_body").notNull(),
    headers: jsonb("headers").$type<Record<string, string>>(),
    status: text("status", { enum: ["pending", "sending", "sent", "failed"] }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    lastError: text("last_error"),
    messageId: text("message_id"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("email_outbox_due_idx").on(t.status, t.nextAttemptAt)],
);

// ── The Dojo: modules and lessons, released over time ──

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

export const modules = pgTable("modules", {
  id: serial("id").primaryKey(),
  slug: text("slug").notNull().unique(),
  title: text("title").notNull(),
  summary: text("summary").notNull().default(""),
  position: integer("position").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const lessons = pgTable(
  "lessons",
  {
    id: serial("id").primaryKey(),
    moduleId: integer("module_id")
      .notNull()
      .references(() => modules.id, { onDelete: "restrict" }),
    slug: text("slug").notNull().unique(),
    title: text("title").notNull(),
    bodyMd: text("body_md").notNull(),
    exerciseMd: text("exercise_md").notNull().default(""),
    position: integer("position").notNull(),
    /** Days after the member's start when the lesson opens (0 = at once). */
    releaseOffsetDays: integer("release_offset_days").notNull().default(0),
    status: text("status", { enum: ["draft", "published"] }).notNull().default("draft"),
    search: tsvector("search").generatedAlwaysAs(
      sql`setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('english', coalesce(body_md, '') || ' ' || coalesce(exercise_md, '')), 'B')`,
    ),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("lessons_module_position_idx").on(t.moduleId, t.position), index("lessons_search_idx").using("gin", t.search)],
);

/** Every save of a published lesson keeps the text it replaced, so the coach can restore it. */
export const lessonVersions = pgTable(
  "lesson_versions",
  {
    id: serial("id").primaryKey(),
    lessonId: integer("lesson_id")
      .notNull()
      .references(() => lessons.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    bodyMd: text("body_md").notNull(),
    exerciseMd: text("exercise_md").notNull(),
    savedBy: text("saved_by").references(() => users.id, { onDelete: "set null" }),
    savedAt: timestamp("saved_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("lesson_versions_lesson_idx").on(t.lessonId, t.savedAt)],
);

/** Old slugs keep working after a rename: they redirect to the lesson. */
export const lessonSlugRedirects = pgTable("lesson_slug_redirects", {
  oldSlug: text("old_slug").primaryKey(),
  lessonId: integer("lesson_id")
    .notNull()
    .references(() => lessons.id, { onDelete: "cascade" }),
});

export const lessonProgress = pgTable(
  "lesson_progress",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    lessonId: integer("lesson_id")
      .notNull()
      .references(() => lessons.id, { onDelete: "cascade" }),
    completedAt: timestamp("completed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.lessonId] })],
);

/** Per-member Dojo settings: when their drip started, a coach's "unlock everything", their no-contact start. */
export const memberDojo = pgTable("member_dojo", {
  userId: text("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  /** The member's first Dojo day, as a calendar date in their time zone. */
  startDate: date("start_date", { mode: "string" }).notNull(),
  allUnlocked: boolean("all_unlocked").notNull().default(false),
  noContactStart: date("no_contact_start", { mode: "string" }),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

// ── Newsletter ──

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
  (t) => [index("newsletter_subscribers_status_idx").on(t.status)],
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
