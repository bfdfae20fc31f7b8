import type { Metadata } from "next";
import Link from "next/link";
import { requireDojoAccess } from "@/lib/dojo/gate";
import { searchLessons } from "@/lib/lessons/member";

export const metadata: Metadata = { title: "Search the lessons", robots: { index: false } };

/** Snippets mark matches with << >>; show them as <mark> without trusting any other markup. */
function Snippet({ text }: { text: string }) {
  const parts = text.split(/<<|>>/);
  return <>{parts.map((part, i) => (i % 2 === 1 ? <mark key={i} className="rounded bg-clay-soft px-0.5 text-ink">{part}</mark> : part))}</>;
}

export default async function SearchPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const { q = "" } = await searchParams;
  const { user } = await requireDojoAccess(`/dojo/search?${new URLSearchParams({ q })}`);
  const results = await searchLessons(user, q);
  return (
    <div className="space-y-6">
      <h1 className="font-serif text-3xl font-semibold">Search the lessons</h1>
      <form method="get" role="search" className="flex gap-2">
        <label htmlFor="q" className="sr-only">
          Search the lessons
        </label>
        <input id="q" name="q" type="search" defaultValue={q} className="min-w-0 flex-1 rounded-xl border-2 border-line bg-card px-3 py-2 text-ink" />
        <button type="submit" className="btn-secondary">
          Search
        </button>
      </form>
      {q ? (
        results.length === 0 ? (
          <p className="text-muted">Nothing open to you matches “{q}” yet. Try other words, or come back as more lessons open.</p>
        ) : (
          <ul className="space-y-3" aria-label="Results">
            {results.map((r) => (
              <li key={r.slug} className="rounded-2xl border border-line bg-card p-4">
                <Link href={`/dojo/lessons/${r.slug}`} className="link text-lg">
                  {r.title}
                </Link>
                <p className="text-sm text-muted">{r.moduleTitle}</p>
                <p className="mt-1 text-sm leading-relaxed">
                  <Snippet text={r.snippet} />
                </p>
              </li>
            ))}
          </ul>
        )
      ) : null}
    </div>
  );
}
