import type { Metadata } from "next";
import Link from "next/link";
import { PastDueBanner } from "@/app/components/past-due-banner";
import { ProgressBar } from "@/app/components/progress-bar";
import { requireDojoAccess } from "@/lib/dojo/gate";
import { formatDay } from "@/lib/lessons/calendar";
import { dojoOverview, type DojoOverview } from "@/lib/lessons/member";
import { NoContactForm } from "./no-contact-form";

export const metadata: Metadata = { title: "Your Dojo", robots: { index: false } };

export default async function DojoHome({ searchParams }: { searchParams: Promise<{ welcome?: string }> }) {
  const { user, access } = await requireDojoAccess("/dojo");
  const { welcome } = await searchParams;
  const o = await dojoOverview(user);

  return (
    <div className="space-y-8">
      {access.via === "subscription" && access.banner === "past_due" ? <PastDueBanner graceEndsAt={access.graceEndsAt} /> : null}
      <header className="space-y-3">
        <p className="text-sm font-semibold uppercase tracking-wide text-clay">The Dojo</p>
        <h1 className="font-serif text-3xl font-semibold">{welcome ? "Welcome in. We’re glad you’re here." : "Welcome back."}</h1>
        <p className="text-muted">
          {o.done} of {o.total} lessons done. One day at a time — nobody expects you to have it figured out.
        </p>
      </header>

      <div className="grid gap-4 sm:grid-cols-2">
        <section aria-labelledby="continue" className="space-y-3 rounded-2xl border border-line bg-card p-5">
          <h2 id="continue" className="font-serif text-xl font-semibold">
            {o.continueWith ? (o.done === 0 ? "Start here" : "Continue where you left off") : "You’re up to date"}
          </h2>
          {o.continueWith ? (
            <Link href={`/dojo/lessons/${o.continueWith.slug}`} className="btn-primary">
              {o.continueWith.title}
            </Link>
          ) : (
            <p className="leading-relaxed">Everything open so far is done. Rest is part of the work.</p>
          )}
          {o.nextToOpen ? (
            <p className="text-sm text-muted">
              Next to open: <span className="font-medium text-ink">{o.nextToOpen.title}</span> on {formatDay(o.nextToOpen.opensOn)}.
            </p>
          ) : null}
        </section>

        <section aria-labelledby="nc" className="space-y-3 rounded-2xl border border-line bg-card p-5">
          <h2 id="nc" className="font-serif text-xl font-semibold">
            No contact
          </h2>
          {o.noContactDays !== null ? (
            <p className="text-lg">
              <span className="text-3xl font-semibold text-brand">{o.noContactDays}</span> {o.noContactDays === 1 ? "day" : "days"} of space for you
            </p>
          ) : (
            <p className="text-sm text-muted">Counting is optional. Some people like to see the days add up.</p>
          )}
          <NoContactForm start={o.noContactStart} today={o.today} anchorChosen={o.anchorChosen} hasNoContactLessons={o.hasNoContactLessons} />
          {o.noContactStart ? <p className="text-xs text-muted">Reached out, or they did? Restart from today. That’s human, and the count is for you.</p> : null}
          <p className="text-sm">
            <Link href="/dojo/ex-reached-out" className="link">
              Your ex just messaged you? Work out what to say
            </Link>
          </p>
        </section>
      </div>

      <form method="get" action="/dojo/search" role="search" className="flex gap-2">
        <label htmlFor="lesson-search" className="sr-only">
          Search the lessons
        </label>
        <input id="lesson-search" name="q" type="search" placeholder="Search the lessons" className="min-w-0 flex-1 rounded-xl border-2 border-line bg-card px-3 py-2 text-ink" />
        <button type="submit" className="btn-secondary">
          Search
        </button>
      </form>

      <section aria-labelledby="modules" className="space-y-4">
        <h2 id="modules" className="sr-only">
          Modules
        </h2>
        {o.modules.map((m) => (
          <article key={m.slug} className="space-y-3 rounded-2xl border border-line bg-card p-5">
            <div className="space-y-1">
              <h3 className="font-serif text-xl font-semibold">{m.title}</h3>
              {m.summary ? <p className="text-sm text-muted">{m.summary}</p> : null}
              {m.releaseAnchor === "no_contact" ? <NoContactAnchorNote o={o} /> : null}
            </div>
            <ProgressBar value={m.done} max={m.total} valueText={`${m.done} of ${m.total} lessons done`} label={`${m.title} progress`} />
            <ol className="divide-y divide-line">
              {m.lessons.map((l) => (
                <li key={l.slug} className="flex flex-col gap-0.5 py-2 sm:flex-row sm:items-center sm:justify-between sm:gap-3">
                  {l.open ? (
                    <Link href={`/dojo/lessons/${l.slug}`} className="link">
                      {l.title}
                    </Link>
                  ) : (
                    <span className="text-muted">{l.title}</span>
                  )}
                  <span className="text-sm text-muted sm:shrink-0">
                    {l.done ? "✓ Done" : l.open ? (l.status === "draft" ? "Draft" : "Open") : `Opens ${formatDay(l.opensOn)}`}
                  </span>
                </li>
              ))}
            </ol>
          </article>
        ))}
      </section>
    </div>
  );
}

/** Under a module that counts from the no-contact start: from which date, and how to set it when there is none yet. */
function NoContactAnchorNote({ o }: { o: DojoOverview }) {
  if (!o.anchorChosen) {
    return (
      <p className="text-sm text-muted">
        These lessons count from your no-contact start. Until you{" "}
        <a href="#nc-start" className="link">
          set that date
        </a>
        , they count from the day you joined.
      </p>
    );
  }
  const day = formatDay(o.noContactAnchor);
  if (o.noContactStart === o.noContactAnchor) return <p className="text-sm text-muted">These lessons count from your no-contact start, {day}.</p>;
  return <p className="text-sm text-muted">These lessons count from {day}, where you chose to keep them.</p>;
}
