import type { Metadata } from "next";
import Link from "next/link";
import { NewsletterSignup } from "@/app/components/newsletter-signup";
import { cachedPublishedArticles } from "@/lib/articles/public";
import { env } from "@/lib/env";
import { notFound } from "next/navigation";
import { articleDate } from "../../dates";

// The /articles list (next.config.ts rewrites /articles here). Its own route with an optional
// catch-all, so it can be served from the page cache like /pricing: rendered on the first visit
// (never at build, which has no database), again when a coach's save expires the "articles"
// tag or after a minute. "index" is therefore not an article address (lib/articles/editor.ts).
export const revalidate = 60;
export const dynamicParams = true;
export async function generateStaticParams(): Promise<{ page?: string[] }[]> {
  return [];
}

const description = "Plain, practical writing about the weeks after a breakup: no contact, what to say when they text, and getting your footing back.";

export function generateMetadata(): Metadata {
  const url = new URL("/articles", env().APP_URL).toString();
  return {
    title: "Articles",
    description,
    alternates: { canonical: url, types: { "application/atom+xml": [{ url: "/articles/feed.xml", title: "Breakup Dojo: articles" }] } },
    openGraph: { type: "website", title: "Articles · Breakup Dojo", description, url },
  };
}

export default async function ArticlesPage({ params }: { params: Promise<{ page?: string[] }> }) {
  if ((await params).page?.length) notFound();
  const articles = await cachedPublishedArticles();
  return (
    <div className="space-y-10">
      <header className="space-y-3">
        <h1 className="font-serif text-4xl font-semibold">Articles</h1>
        <p className="text-lg leading-relaxed text-muted">Longer reads from the coach, newest first. No sign-up needed.</p>
      </header>
      {articles.length === 0 ? (
        <p className="rounded-2xl border border-line bg-card p-5 leading-relaxed">Nothing here yet. The first article is on its way.</p>
      ) : (
        <ul className="space-y-4">
          {articles.map((a) => (
            <li key={a.slug} className="space-y-2 rounded-2xl border border-line bg-card p-5">
              <h2 className="font-serif text-2xl font-semibold leading-snug">
                <Link href={`/articles/${a.slug}`} className="link break-words">
                  {a.title}
                </Link>
              </h2>
              <p className="text-sm text-muted">
                <time dateTime={a.publishedAt}>{articleDate(a.publishedAt)}</time> · {a.minutes} min read
              </p>
              {a.summary ? <p className="leading-relaxed">{a.summary}</p> : null}
            </li>
          ))}
        </ul>
      )}
      <p className="text-sm text-muted">
        Prefer a feed reader?{" "}
        <a href="/articles/feed.xml" className="link">
          Follow the articles feed
        </a>
        .
      </p>
      <NewsletterSignup source="article" />
    </div>
  );
}
