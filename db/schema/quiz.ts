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
