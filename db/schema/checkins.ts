// Check-ins: among the most sensitive words a member writes. Free text is
// stored only as AES-256-GCM ciphertext made in the app (lib/crypto), sealed to
// its row id, so a raw SELECT shows no plaintext. Tables only, no rules.
import { sql } from "drizzle-orm";
import { bigint, bigserial, boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";

export const checkins = pgTable(
  "checkins",
  {
    id: uuid("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** draft: being written (autosaved); private: a journal entry no coach sees; waiting: sent, no reply yet; replied. */
    status: text("status", { enum: ["draft", "private", "waiting", "replied"] }).notNull(),
    mood: integer("mood"),
    noContactDay: integer("no_contact_day"),
    /** Encrypted JSON: { happened, win, hard, question }. */
    contentEnc: text("content_enc").notNull(),
    urgent: boolean("urgent").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    /** The coach answering it, so two coaches never both reply. */
    claimedBy: text("claimed_by").references(() => users.id, { onDelete: "set null" }),
    claimedAt: timestamp("claimed_at", { withTimezone: true }),
    repliedAt: timestamp("replied_at", { withTimezone: true }),
  },
  (t) => [
    index("checkins_user_idx").on(t.userId, t.createdAt),
    // The coach queue: urgent first, then longest waiting. Partial, so it stays small however many are answered.
    // The id last: pages of the queue need one fixed order, and the index hands it over without a sort.
    index("checkins_queue_idx").on(t.urgent.desc(), t.submittedAt, t.id).where(sql`status = 'waiting'`),
    // The queue's "Replied" and "All" views, newest first. Without it each view sorted every answered
    // check-in: ~400 ms with a million of them (bench/), against under a millisecond with it.
    index("checkins_shared_idx").on(t.submittedAt.desc(), t.id).where(sql`status in ('waiting', 'replied')`),
  ],
);

/**
 * Time to first reply as running totals: per UTC hour of the reply, coach and wait bucket
 * (lib/dashboard/reply-times.ts names the buckets), incremented in the reply's transaction.
 * The dashboard's medians then read a few thousand rows, not every answered check-in.
 */
export const replyTimeCounts = pgTable(
  "reply_time_counts",
  {
    hour: timestamp("hour", { withTimezone: true }).notNull(),
    /** The coach who answered; empty once that coach's account is gone. */
    coachId: text("coach_id").notNull().default(""),
    bucket: integer("bucket").notNull(),
    count: integer("count").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.hour, t.coachId, t.bucket] })],
);

export const checkinReplies = pgTable(
  "checkin_replies",
  {
    id: uuid("id").primaryKey(),
    checkinId: uuid("checkin_id")
      .notNull()
      .references(() => checkins.id, { onDelete: "cascade" }),
    coachId: text("coach_id").references(() => users.id, { onDelete: "set null" }),
    bodyEnc: text("body_enc").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("checkin_replies_checkin_idx").on(t.checkinId)],
);

/** One row per coach read of a check-in: the member sees who read what, and when. */
export const checkinReads = pgTable(
  "checkin_reads",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    checkinId: uuid("checkin_id")
      .notNull()
      .references(() => checkins.id, { onDelete: "cascade" }),
    coachId: text("coach_id").references(() => users.id, { onDelete: "set null" }),
    coachName: text("coach_name").notNull(),
    readAt: timestamp("read_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("checkin_reads_checkin_idx").on(t.checkinId, t.readAt)],
);

/** "My ex reached out" / "I reached out", with the day it happened. */
export const contactEvents = pgTable(
  "contact_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["ex_reached_out", "i_reached_out"] }).notNull(),
    onDate: date("on_date", { mode: "string" }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("contact_events_user_idx").on(t.userId, t.onDate)],
);

/** Private notes coaches keep about a member (encrypted like check-ins). Members never see them. */
export const coachNotes = pgTable(
  "coach_notes",
  {
    id: uuid("id").primaryKey(),
    memberId: text("member_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    coachId: text("coach_id").references(() => users.id, { onDelete: "set null" }),
    bodyEnc: text("body_enc").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("coach_notes_member_idx").on(t.memberId, t.createdAt)],
);

export const replyTemplates = pgTable("reply_templates", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  title: text("title").notNull(),
  body: text("body").notNull(),
  createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A message from the ex that a member chose to keep, with what they picked in "my ex reached out".
 * Nothing pasted there is stored unless the member asks; then it is sealed like a check-in.
 */
export const savedExMessages = pgTable(
  "saved_ex_messages",
  {
    id: uuid("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    contactEventId: bigint("contact_event_id", { mode: "number" }).references(() => contactEvents.id, { onDelete: "set null" }),
    /** The rules version and the answers that chose the advice (no free text). */
    rulesVersion: integer("rules_version").notNull(),
    answers: jsonb("answers").notNull(),
    /** Encrypted JSON: { message, note }. */
    contentEnc: text("content_enc").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("saved_ex_messages_user_idx").on(t.userId, t.createdAt)],
);
