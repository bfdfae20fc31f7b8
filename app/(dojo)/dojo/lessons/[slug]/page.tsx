import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { requireDojoAccess } from "@/lib/dojo/gate";
import { formatDay } from "@/lib/lessons/calendar";
import { lessonForReader } from "@/lib/lessons/member";
import { ActionForm } from "@/app/components/action-form";
import { markLessonAction } from "../../actions";

export const metadata: Metadata = { title: "Lesson", robots: { index: false } };

export default async function LessonPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { user } = await requireDojoAccess(`/dojo/lessons/${slug}`);
  const view = await lessonForReader(user, slug);
  if (view.kind === "missing") notFound();
  if (view.kind === "moved") redirect(`/dojo/lessons/${view.slug}`);
  if (view.kind === "locked") {
    return (
      <div className="space-y-4">
        <p className="text-sm font-semibold uppercase tracking-wide text-clay">{view.moduleTitle}</p>
        <h1 className="font-serif text-3xl font-semibold">{view.title}</h1>
        <p className="rounded-xl bg-brand-soft px-4 py-3">This lesson opens on {formatDay(view.opensOn)}. Lessons arrive a little at a time on purpose: there’s no rush.</p>
        <Link href="/dojo" className="link">
          Back to your Dojo
        </Link>
      </div>
    );
  }
  const l = view.lesson;
  return (
    <article className="space-y-8">
      <header className="space-y-2">
        <p className="text-sm font-semibold uppercase tracking-wide text-clay">{l.moduleTitle}</p>
        <h1 className="font-serif text-3xl font-semibold leading-tight sm:text-4xl">{l.title}</h1>
        <p className="text-sm text-muted">
          {l.minutes} min read{l.status === "draft" ? " · Draft (only coaches see this)" : ""}
        </p>
      </header>
      <div className="lesson-prose" dangerouslySetInnerHTML={{ __html: l.html }} />
      {l.exerciseHtml ? (
        <section aria-labelledby="exercise" className="space-y-2 rounded-2xl bg-brand-soft p-5">
          <h2 id="exercise" className="font-serif text-xl font-semibold">
            Your exercise
          </h2>
          <div className="lesson-prose" dangerouslySetInnerHTML={{ __html: l.exerciseHtml }} />
        </section>
      ) : null}
      <ActionForm action={markLessonAction} className="flex flex-wrap items-center gap-3">
        <input type="hidden" name="slug" value={l.slug} />
        <input type="hidden" name="done" value={l.done ? "no" : "yes"} />
        {l.done ? <p className="font-medium text-brand">✓ You’ve completed this lesson.</p> : null}
        <button type="submit" className={l.done ? "btn-secondary" : "btn-primary"}>
          {l.done ? "Mark as not done" : "Mark complete"}
        </button>
      </ActionForm>
      <nav aria-label="Lessons" className="flex flex-col gap-3 border-t border-line pt-5 sm:flex-row sm:justify-between">
        {l.previous ? (
          <Link href={`/dojo/lessons/${l.previous.slug}`} className="link">
            ← {l.previous.title}
          </Link>
        ) : (
          <span />
        )}
        {l.next ? (
          l.next.open ? (
            <Link href={`/dojo/lessons/${l.next.slug}`} className="link sm:text-right">
              {l.next.title} →
            </Link>
          ) : (
            <span className="text-sm text-muted sm:text-right">Next: {l.next.title} (not open yet)</span>
          )
        ) : (
          <Link href="/dojo" className="link">
            Back to your Dojo
          </Link>
        )}
      </nav>
    </article>
  );
}
