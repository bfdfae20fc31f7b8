// The Dojo: modules and lessons, released over time, and each member's progress.
import { sql } from "drizzle-orm";
import { boolean, customType, date, index, integer, pgTable, primaryKey, serial, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./auth";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

export const modules = pgTable("modules", {
  id: serial("id").primaryKey(),
  slug: text("slug").notNull().unique(),
  title: text("title").notNull(),
  summary: text("summary").notNull().default(""),
  position: integer("position").notNull(),
  /**
   * What the module's lessons count their release days from: the member's Dojo start, or their
   * no-contact start (which a member may restart; see member_dojo.no_contact_anchor).
   */
  releaseAnchor: text("release_anchor", { enum: ["start", "no_contact"] }).notNull().default("start"),
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
  // The second index counts a lesson's completions for the dashboard without reading every member's progress.
  (t) => [primaryKey({ columns: [t.userId, t.lessonId] }), index("lesson_progress_lesson_idx").on(t.lessonId)],
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
  /**
   * The date no-contact-anchored modules count from. It follows no_contact_start unless the member,
   * on restarting their count, chose to keep their lessons where they were.
   */
  noContactAnchor: date("no_contact_anchor", { mode: "string" }),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Lessons kept open for a member after their release anchor moved: an opened lesson never locks again. */
export const lessonUnlocks = pgTable(
  "lesson_unlocks",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    lessonId: integer("lesson_id")
      .notNull()
      .references(() => lessons.id, { onDelete: "cascade" }),
    unlockedAt: timestamp("unlocked_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.lessonId] })],
);
