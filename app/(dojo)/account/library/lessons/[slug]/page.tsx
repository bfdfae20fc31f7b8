import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/current-user";
import { bonusLessonFor } from "@/lib/products/library";

export const metadata: Metadata = { title: "Bonus lesson", robots: { index: false } };

// A Dojo lesson that came with something the member bought: theirs to read, with or
// without a membership. Anyone else gets "not found", as for any record not theirs.
export default async function BonusLessonPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await requireUser(`/account/library/lessons/${slug}`);
  const lesson = await bonusLessonFor(user, slug);
  if (!lesson) notFound();
  return (
    <article className="space-y-8">
      <header className="space-y-2">
        <p className="text-sm">
          <Link href="/account/library" className="link">
            ← Your library
          </Link>
        </p>
        <p className="text-sm font-semibold uppercase tracking-wide text-clay">Bonus lesson · {lesson.product}</p>
        <h1 className="font-serif text-3xl font-semibold leading-tight sm:text-4xl">{lesson.title}</h1>
      </header>
      {/* Rendered from the coach's Markdown by lib/markdown (raw HTML escaped, unsafe links refused). */}
      <div className="lesson-prose" dangerouslySetInnerHTML={{ __html: lesson.html }} />
      {lesson.exerciseHtml ? (
        <section aria-labelledby="exercise" className="rounded-2xl border border-line bg-card p-5">
          <h2 id="exercise" className="mb-3 text-xl font-semibold">
            Exercise
          </h2>
          <div className="lesson-prose" dangerouslySetInnerHTML={{ __html: lesson.exerciseHtml }} />
        </section>
      ) : null}
    </article>
  );
}
