// Tables only: no business rules live here (see ARCHITECTURE.md).
import { bigserial, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

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

