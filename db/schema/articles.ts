// The coach's public articles: written like lessons (drafts, versions, renamed slugs keep working).
import { index, integer, pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./auth";

export const articles = pgTable(
  "articles",
  {
    id: serial("id").primaryKey(),
    slug: text("slug").notNull().unique(),
    title: text("title").notNull(),
    /** One or two sentences: the list, the feed, search results and share cards show it. */
    summary: text("summary").notNull().default(""),
    bodyMd: text("body_md").notNull(),
    status: text("status", { enum: ["draft", "published"] }).notNull().default("draft"),
    /** Set on first publishing and kept: the date readers see and the feed orders by. */
    publishedAt: timestamp("published_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("articles_published_idx").on(t.status, t.publishedAt)],
);

/** Every save of a published article keeps the text it replaced, so the coach can restore it. */
export const articleVersions = pgTable(
  "article_versions",
  {
    id: serial("id").primaryKey(),
    articleId: integer("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    summary: text("summary").notNull(),
    bodyMd: text("body_md").notNull(),
    savedBy: text("saved_by").references(() => users.id, { onDelete: "set null" }),
    savedAt: timestamp("saved_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("article_versions_article_idx").on(t.articleId, t.savedAt)],
);

/** Old slugs keep working after a rename: they redirect to the article. */
export const articleSlugRedirects = pgTable("article_slug_redirects", {
  oldSlug: text("old_slug").primaryKey(),
  articleId: integer("article_id")
    .notNull()
    .references(() => articles.id, { onDelete: "cascade" }),
});
