// The prescription tool: anonymous results and funnel counters, and results members kept.
import { bigserial, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./auth";

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

/** The steps of the funnel, in order (lib/dashboard/funnel.ts names them for people). */
export const FUNNEL_STEPS = ["started", "answered", "completed", "result_viewed", "dojo_clicked", "signed_up", "claimed", "checkout_started", "trial_started", "paid"] as const;
export type FunnelStep = (typeof FUNNEL_STEPS)[number];

/**
 * Funnel events without personal data: which step, which quiz version and question,
 * which prescription (one of a handful of plans), when. Steps after the quiz carry
 * no version (0). Nothing here says who.
 */
export const quizEvents = pgTable(
  "quiz_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    type: text("type", { enum: FUNNEL_STEPS }).notNull(),
    definitionVersion: integer("definition_version").notNull(),
    questionId: text("question_id"),
    prescriptionId: text("prescription_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("quiz_events_type_created_at_idx").on(t.type, t.createdAt)],
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

/**
 * The funnel's running totals: one row per UTC hour, step, version, question and prescription,
 * incremented in the same statement that stores the event, so the dashboard sums a few thousand
 * rows instead of counting millions of events. Hours, because every time zone the dashboard
 * accepts (DASHBOARD_TIME_ZONE: whole-hour offsets) starts its days on an hour boundary.
 * Empty strings and 0 stand for "none", so the primary key can hold every row.
 */
export const funnelCounts = pgTable(
  "funnel_counts",
  {
    hour: timestamp("hour", { withTimezone: true }).notNull(),
    step: text("step", { enum: FUNNEL_STEPS }).notNull(),
    definitionVersion: integer("definition_version").notNull().default(0),
    questionId: text("question_id").notNull().default(""),
    prescriptionId: text("prescription_id").notNull().default(""),
    count: integer("count").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.hour, t.step, t.definitionVersion, t.questionId, t.prescriptionId] })],
);
