import type { Metadata } from "next";
import Link from "next/link";
import { requireCoach } from "@/lib/auth/current-user";
import { listArticlesForCoach } from "@/lib/articles/editor";
import { NewDraftForm } from "@/app/components/new-draft-form";
import { createArticleAction } from "./actions";

export const metadata: Metadata = { title: "Articles", robots: { index: false } };

const when = (d: Date) => d.toLocaleDateString("en-US", { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });

export default async function CoachArticlesPage() {
  const coach = await requireCoach("/coach/articles");
  const articles = await listArticlesForCoach(coach);
  return (
    <div className="space-y-6">
      <h1 className="font-serif text-3xl font-semibold">Articles</h1>
      <p className="text-muted">
        Public writing anyone can read at{" "}
        <Link href="/articles" className="link">
          /articles
        </Link>
        . Drafts only coaches see.
      </p>
      {articles.length === 0 ? (
        <p className="rounded-2xl border border-line bg-card p-4">No articles yet. Start one below.</p>
      ) : (
        <ul className="divide-y divide-line rounded-2xl border border-line bg-card">
          {articles.map((a) => (
            <li key={a.id} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 px-4 py-3">
              <Link href={`/coach/articles/${a.id}`} className="link min-w-0 break-words">
                {a.title}
              </Link>
              <span className="flex items-center gap-2 text-sm text-muted">
                {a.status === "published" ? (
                  <span className="rounded-full bg-brand-soft px-2 py-0.5 text-xs font-medium text-brand-strong">Published</span>
                ) : (
                  <span className="rounded-full bg-clay-soft px-2 py-0.5 text-xs font-medium text-clay">Draft</span>
                )}
                <span>{a.status === "published" && a.publishedAt ? `since ${when(a.publishedAt)}` : `edited ${when(a.updatedAt)}`}</span>
              </span>
            </li>
          ))}
        </ul>
      )}
      <NewDraftForm action={createArticleAction} id="new-article-title" label="New article title" help="It starts as a draft: nobody else sees it until you publish." />
    </div>
  );
}
