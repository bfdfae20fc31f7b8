import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireCoach } from "@/lib/auth/current-user";
import { routeId } from "@/lib/http/route-id";
import { articleForEditing, listArticleVersions } from "@/lib/articles/editor";
import { restoreArticleVersionAction } from "../actions";
import { ArticleEditor } from "./article-editor";
import { VersionList } from "@/app/components/version-list";

export const metadata: Metadata = { title: "Edit article", robots: { index: false } };

export default async function EditArticlePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const coach = await requireCoach(`/coach/articles/${id}`);
  const articleId = routeId(id);
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
      <VersionList versions={versions} what="article" action={restoreArticleVersionAction} fields={{ articleId: article.id }} />
    </div>
  );
}
