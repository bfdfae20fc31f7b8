import "server-only";
import { and, desc, eq, ne } from "drizzle-orm";
import { z } from "zod";
import type { Refusal } from "@/lib/actions/state";
import { validate } from "@/lib/actions/validate";
import type { CurrentUser } from "@/lib/auth/current-user";
import { assertCoach } from "@/lib/auth/guards";
import { getDb, tables, type Tx } from "@/lib/db";
import { firstFreeSlug, slugify } from "@/lib/slugs";
import { unknownFlowcharts } from "./flowchart";

// The coach's side of the public articles: drafts, saves that keep what they
// replaced, publishing, renamed addresses that keep working. Every function takes
// the acting user and checks the role here, next to the query.


const { articles, articleVersions, articleSlugRedirects } = tables;

/** Whether `slug` is free for article `exceptId` (no other article has it, and no old address of another article points from it). */
async function slugIsFree(tx: Tx, slug: string, exceptId?: number): Promise<boolean> {
  const [other] = await tx
    .select({ id: articles.id })
    .from(articles)
    .where(exceptId ? and(eq(articles.slug, slug), ne(articles.id, exceptId)) : eq(articles.slug, slug))
    .limit(1);
  if (other) return false;
  const redirect = await tx.query.articleSlugRedirects.findFirst({ columns: { articleId: true }, where: eq(articleSlugRedirects.oldSlug, slug) });
  return !redirect || redirect.articleId === exceptId;
}

/** Every article, drafts included, most recently changed first. */
export async function listArticlesForCoach(actor: CurrentUser) {
  assertCoach(actor);
  const db = await getDb();
  return db.query.articles.findMany({
    columns: { id: true, slug: true, title: true, status: true, publishedAt: true, updatedAt: true },
    orderBy: [desc(articles.updatedAt), desc(articles.id)],
  });
}

export const newArticleInput = z.object({ title: z.string().trim().min(2, "Give the article a title.").max(150, "Keep the title under 150 characters.") });

/** A new article starts as an empty draft only coaches see. */
export async function createArticle(actor: CurrentUser, input: unknown): Promise<{ ok: true; id: number } | Refusal> {
  assertCoach(actor);
  const parsed = validate(newArticleInput, input);
  if (!parsed.ok) return parsed;
  const db = await getDb();
  return db.transaction(async (tx) => {
    const slug = await firstFreeSlug(slugify(parsed.data.title, "article"), async (candidate) => !RESERVED_SLUGS.includes(candidate) && (await slugIsFree(tx, candidate)));
    const [row] = await tx.insert(articles).values({ title: parsed.data.title, slug, bodyMd: "", status: "draft" }).returning({ id: articles.id });
    if (!row) throw new Error("the new article was not stored");
    return { ok: true as const, id: row.id };
  });
}

export async function articleForEditing(actor: CurrentUser, id: number) {
  assertCoach(actor);
  const db = await getDb();
  return (
    (await db.query.articles.findFirst({
      columns: { id: true, slug: true, title: true, summary: true, bodyMd: true, status: true, publishedAt: true, updatedAt: true },
      where: eq(articles.id, id),
    })) ?? null
  );
}
export type ArticleForEditing = NonNullable<Awaited<ReturnType<typeof articleForEditing>>>;

/** The texts earlier saves replaced, newest first. */
export async function listArticleVersions(actor: CurrentUser, articleId: number) {
  assertCoach(actor);
  const db = await getDb();
  return db.query.articleVersions.findMany({
    columns: { id: true, title: true, savedAt: true },
    where: eq(articleVersions.articleId, articleId),
    orderBy: [desc(articleVersions.savedAt), desc(articleVersions.id)],
    limit: 30,
  });
}

const RESERVED_SLUGS = ["index"];

export const articleInput = z.object({
  title: z.string().trim().min(2, "Give the article a title.").max(150, "Keep the title under 150 characters."),
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, "Give the article an address.")
    .max(80, "Keep the address under 80 characters.")
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "The address may use lower-case letters, numbers and single dashes.")
    // /articles/index is the list itself (see app/(public)/articles/index).
    .refine((slug) => !RESERVED_SLUGS.includes(slug), "That address is taken by the site itself: choose another."),
  summary: z.string().trim().max(300, "Keep the summary to one or two sentences (300 characters at most)."),
  bodyMd: z
    .string()
    .max(100_000, "The article is too long.")
    .refine((md) => unknownFlowcharts(md).length === 0, { message: "A :::flowchart line names a decision tree that doesn’t exist (try “:::flowchart no-contact”)." }),
  status: z.enum(["draft", "published"]),
});
export type ArticleInput = z.infer<typeof articleInput>;

/** What a save changed on the public site: the address now, and the one it had before when that differs. */
export type ArticleSaved = { ok: true; slug: string; previousSlug: string | null };

const PUBLISH_NEEDS = "An article needs its text and a summary before it is published (the list, the feed and share cards show the summary).";

/**
 * Saves an article, and publishes or unpublishes it with `status`. When the
 * article was published, the text a change replaces is kept as a version first.
 * A new address keeps the old one working (a redirect).
 */
export async function saveArticle(actor: CurrentUser, id: number, input: unknown): Promise<ArticleSaved | Refusal> {
  assertCoach(actor);
  const parsed = validate(articleInput, input);
  if (!parsed.ok) return parsed;
  const data = parsed.data;
  if (data.status === "published" && (!data.bodyMd.trim() || !data.summary)) {
    return { ok: false, error: PUBLISH_NEEDS, fieldErrors: data.summary ? { bodyMd: PUBLISH_NEEDS } : { summary: PUBLISH_NEEDS } };
  }
  const db = await getDb();
  return db.transaction(async (tx): Promise<ArticleSaved | Refusal> => {
    const [current] = await tx.select().from(articles).where(eq(articles.id, id)).for("update");
    if (!current) return { ok: false, error: "This article no longer exists." };
    if (data.slug !== current.slug) {
      if (!(await slugIsFree(tx, data.slug, id))) {
        const taken = `The address “${data.slug}” is already used by another article.`;
        return { ok: false, error: taken, fieldErrors: { slug: taken } };
      }
      // The new address may be one of this article's own old ones: it stops redirecting.
      await tx.delete(articleSlugRedirects).where(eq(articleSlugRedirects.oldSlug, data.slug));
      await tx
        .insert(articleSlugRedirects)
        .values({ oldSlug: current.slug, articleId: id })
        .onConflictDoUpdate({ target: articleSlugRedirects.oldSlug, set: { articleId: id } });
    }
    const textChanged = current.title !== data.title || current.summary !== data.summary || current.bodyMd !== data.bodyMd;
    if (current.status === "published" && textChanged) {
      await tx.insert(articleVersions).values({ articleId: id, title: current.title, summary: current.summary, bodyMd: current.bodyMd, savedBy: actor.id });
    }
    const now = new Date();
    await tx
      .update(articles)
      .set({ ...data, publishedAt: data.status === "published" ? (current.publishedAt ?? now) : current.publishedAt, updatedAt: now })
      .where(eq(articles.id, id));
    return { ok: true, slug: data.slug, previousSlug: data.slug === current.slug ? null : current.slug };
  });
}

/** Puts an earlier version's words back, keeping the address and status (the words it replaces become a version too). */
export async function restoreArticleVersion(actor: CurrentUser, articleId: number, versionId: number): Promise<ArticleSaved | Refusal> {
  assertCoach(actor);
  const db = await getDb();
  const [article, version] = await Promise.all([
    db.query.articles.findFirst({ columns: { slug: true, status: true }, where: eq(articles.id, articleId) }),
    db.query.articleVersions.findFirst({ where: and(eq(articleVersions.id, versionId), eq(articleVersions.articleId, articleId)) }),
  ]);
  if (!article || !version) return { ok: false, error: "That version no longer exists." };
  return saveArticle(actor, articleId, { title: version.title, summary: version.summary, bodyMd: version.bodyMd, slug: article.slug, status: article.status });
}
