"use server";

import { revalidatePath, updateTag } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { coachAction } from "@/lib/actions/client";
import { rowId } from "@/lib/actions/fields";
import { articleInput, createArticle, newArticleInput, restoreArticleVersion, saveArticle, type ArticleSaved } from "@/lib/articles/editor";
import { ARTICLES_TAG } from "@/lib/articles/public";

/**
 * The public pages read articles through Next's cache: expiring the tag rebuilds
 * every page, the feed and the sitemap built from them on their next view, and
 * the paths are named too so this save's own pages are fresh at once.
 */
function refreshPublicPages(id: number, saved: ArticleSaved) {
  updateTag(ARTICLES_TAG);
  revalidatePath("/articles");
  revalidatePath(`/articles/${saved.slug}`);
  if (saved.previousSlug) revalidatePath(`/articles/${saved.previousSlug}`);
  revalidatePath("/coach/articles");
  revalidatePath(`/coach/articles/${id}`);
}

export const createArticleAction = coachAction(newArticleInput, async ({ input, actor }) => {
  const outcome = await createArticle(actor, input);
  if (!outcome.ok) return outcome;
  revalidatePath("/coach/articles");
  redirect(`/coach/articles/${outcome.id}`);
});

/** Saves, publishes (status=published) or unpublishes (status=draft); a refused save keeps every word on screen. */
export const saveArticleAction = coachAction(articleInput.extend({ id: rowId() }), async ({ input: { id, ...article }, actor }) => {
  const outcome = await saveArticle(actor, id, article);
  if (!outcome.ok) return outcome;
  refreshPublicPages(id, outcome);
  return { ok: true, message: article.status === "published" ? "Saved. It’s live." : "Saved as a draft. Only coaches can see it." };
});

export const restoreArticleVersionAction = coachAction(z.object({ articleId: rowId(), versionId: rowId() }), async ({ input, actor }) => {
  const outcome = await restoreArticleVersion(actor, input.articleId, input.versionId);
  if (!outcome.ok) return outcome;
  refreshPublicPages(input.articleId, outcome);
  return { ok: true, message: "Restored." };
});
