import "server-only";
import { and, desc, eq, isNotNull } from "drizzle-orm";
import { unstable_cache } from "next/cache";
import { getDb, tables } from "@/lib/db";
import { readingMinutes, renderMarkdownCached } from "@/lib/markdown/render";
import { splitBody } from "./flowchart";

// What anyone may read: published articles only. A draft, or an article taken
// back to draft, is "missing" here whoever asks. Results are plain JSON (dates as
// ISO strings), because the public pages read them through Next's data cache.

const { articles, articleSlugRedirects } = tables;

/** The tag on every cached article read: saves expire it, and with it every page built from it. */
export const ARTICLES_TAG = "articles";

const published = and(eq(articles.status, "published"), isNotNull(articles.publishedAt));

export interface ArticleSummary {
  slug: string;
  title: string;
  summary: string;
  publishedAt: string;
  updatedAt: string;
  minutes: number;
}

/** Published articles, newest first. */
export async function publishedArticles(): Promise<ArticleSummary[]> {
  const db = await getDb();
  const rows = await db
    .select({ slug: articles.slug, title: articles.title, summary: articles.summary, bodyMd: articles.bodyMd, publishedAt: articles.publishedAt, updatedAt: articles.updatedAt })
    .from(articles)
    .where(published)
    .orderBy(desc(articles.publishedAt), desc(articles.id));
  return rows.map(({ bodyMd, publishedAt, updatedAt, ...r }) => ({
    ...r,
    publishedAt: (publishedAt ?? updatedAt).toISOString(),
    updatedAt: updatedAt.toISOString(),
    minutes: readingMinutes(bodyMd),
  }));
}

/** An article's body as the page shows it: HTML rendered from the coach's Markdown (raw HTML escaped, unsafe links refused), and decision trees. */
export type ArticlePart = { kind: "html"; html: string } | { kind: "flowchart"; name: string };

export type PublicArticle =
  | { kind: "article"; article: ArticleSummary & { parts: ArticlePart[] } }
  | { kind: "moved"; slug: string }
  | { kind: "missing" };

/** One published article by its address, or where an old address moved to. */
export async function publishedArticle(slug: string): Promise<PublicArticle> {
  const db = await getDb();
  const [row] = await db.select().from(articles).where(and(eq(articles.slug, slug), published)).limit(1);
  if (row) {
    const parts = splitBody(row.bodyMd).map((p): ArticlePart => (p.kind === "markdown" ? { kind: "html", html: renderMarkdownCached(p.text) } : p));
    return {
      kind: "article",
      article: {
        slug: row.slug,
        title: row.title,
        summary: row.summary,
        publishedAt: (row.publishedAt ?? row.updatedAt).toISOString(),
        updatedAt: row.updatedAt.toISOString(),
        minutes: readingMinutes(row.bodyMd),
        parts,
      },
    };
  }
  const [moved] = await db
    .select({ slug: articles.slug })
    .from(articleSlugRedirects)
    .innerJoin(articles, eq(articles.id, articleSlugRedirects.articleId))
    .where(and(eq(articleSlugRedirects.oldSlug, slug), published))
    .limit(1);
  return moved ? { kind: "moved", slug: moved.slug } : { kind: "missing" };
}

// The public pages, the feed and the sitemap read through these: a view costs no
// database work until a coach's save expires the tag. The minute is a ceiling, as for
// /pricing, so a change made on one instance reaches the others within a minute even
// if they never hear of the invalidation.
const CEILING_SECONDS = 60;
export const cachedPublishedArticles = unstable_cache(publishedArticles, ["articles:list"], { tags: [ARTICLES_TAG], revalidate: CEILING_SECONDS });
export const cachedPublishedArticle = unstable_cache(publishedArticle, ["articles:one"], { tags: [ARTICLES_TAG], revalidate: CEILING_SECONDS });
