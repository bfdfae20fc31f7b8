import type { Metadata } from "next";
import Link from "next/link";
import { notFound, permanentRedirect } from "next/navigation";
import { QuizInvite } from "@/app/(public)/newsletter/archive/quiz-invite";
import { DecisionTree } from "@/app/components/decision-tree";
import { ExReachedOutStart } from "@/app/components/ex-reached-out-start";
import { NewsletterSignup } from "@/app/components/newsletter-signup";
import { cachedPublishedArticle } from "@/lib/articles/public";
import { env } from "@/lib/env";
import { articleDate } from "../dates";

type Props = { params: Promise<{ slug: string }> };

// Nothing is built ahead: the build has no database. Each article renders on its first
// view and is then served from the cache until a coach's save expires it.
export function generateStaticParams(): { slug: string }[] {
  return [];
}
// At most a minute old even on an instance that missed a coach's save (see ARCHITECTURE.md).
export const revalidate = 60;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await cachedPublishedArticle((await params).slug);
  if (found.kind !== "article") return { title: "Article not found" };
  const { article } = found;
  const url = new URL(`/articles/${article.slug}`, env().APP_URL).toString();
  return {
    title: article.title,
    description: article.summary,
    alternates: { canonical: url },
    openGraph: { type: "article", title: article.title, description: article.summary, url, publishedTime: article.publishedAt, modifiedTime: article.updatedAt, siteName: "Breakup Dojo" },
    twitter: { card: "summary_large_image", title: article.title, description: article.summary },
  };
}

export default async function ArticlePage({ params }: Props) {
  const { slug } = await params;
  const found = await cachedPublishedArticle(slug);
  if (found.kind === "moved") permanentRedirect(`/articles/${found.slug}`);
  if (found.kind === "missing") notFound();
  const { article } = found;
  return (
    <article className="space-y-8">
      <header className="space-y-3">
        <p className="text-sm text-muted">
          <Link href="/articles" className="link">
            Articles
          </Link>{" "}
          · <time dateTime={article.publishedAt}>{articleDate(article.publishedAt)}</time> · {article.minutes} min read
        </p>
        <h1 className="font-serif text-3xl font-semibold leading-tight break-words sm:text-4xl">{article.title}</h1>
        {article.summary ? <p className="text-lg leading-relaxed text-muted">{article.summary}</p> : null}
      </header>
      {article.parts.map((part, i) =>
        part.kind === "html" ? (
          // Rendered from the coach's Markdown by lib/markdown (raw HTML escaped, unsafe links refused).
          <div key={i} className="lesson-prose text-lg" dangerouslySetInnerHTML={{ __html: part.html }} />
        ) : (
          <DecisionTree key={i} name={part.name} />
        ),
      )}
      <ExReachedOutStart />
      <QuizInvite />
      <NewsletterSignup source="article" title="Get the next one by email" />
    </article>
  );
}
