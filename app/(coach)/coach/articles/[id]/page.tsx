import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/app/components/action-form";
import { requireCoach } from "@/lib/auth/current-user";
import { articleForEditing, listArticleVersions } from "@/lib/articles/editor";
import { restoreArticleVersionAction } from "../actions";
import { ArticleEditor } from "./article-editor";

export const metadata: Metadata = { title: "Edit article", robots: { index: false } };

const when = (d: Date) => d.toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export default async function EditArticlePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const coach = await requireCoach(`/coach/articles/${id}`);
  const articleId = /^\d{1,9}$/.test(id) ? Number(id) : null;
  const [article, versions] = articleId ? await Promise.all([articleForEditing(coach, articleId), listArticleVersions(coach, articleId)]) : [null, []];
  if (!article) notFound();
  return (
    <div className="space-y-6">
      <p>
        <Link href="/coach/articles" className="link">
          ← All articles
        </Link>
      </p>
      <h1 className="font-serif text-3xl font-semibold break-words">Edit “{article.title}”</h1>
      <p role="status" className="rounded-xl bg-brand-soft px-4 py-3">
        {article.status === "published" && article.publishedAt ? (
          <>
            Published on {article.publishedAt.toLocaleDateString("en-US", { dateStyle: "long", timeZone: "UTC" })}. Anyone can read it at{" "}
            <Link href={`/articles/${article.slug}`} className="link break-all">
              /articles/{article.slug}
            </Link>
            .
          </>
        ) : (
          <>A draft: only coaches can see it. Publish it when it’s ready.</>
        )}
      </p>
      <ArticleEditor key={article.updatedAt.toISOString()} article={article} />
      <section aria-labelledby="versions" className="space-y-2">
        <h2 id="versions" className="text-lg font-semibold">
          Earlier versions
        </h2>
        {versions.length === 0 ? (
          <p className="text-sm text-muted">Each save of a published article keeps the text it replaced here.</p>
        ) : (
          <ul className="divide-y divide-line rounded-2xl border border-line bg-card">
            {versions.map((v) => (
              <li key={v.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-2">
                <span className="min-w-0 break-words">
                  {v.title} <span className="text-sm text-muted">· saved {when(v.savedAt)} UTC</span>
                </span>
                <ActionForm action={restoreArticleVersionAction}>
                  <input type="hidden" name="articleId" value={article.id} />
                  <input type="hidden" name="versionId" value={v.id} />
                  <button type="submit" className="btn-secondary min-h-9 py-1 text-sm">
                    Restore
                  </button>
                </ActionForm>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
