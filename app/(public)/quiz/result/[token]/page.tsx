import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CrisisResources } from "@/app/components/crisis-resources";
import { NewsletterSignup } from "@/app/components/newsletter-signup";
import { env } from "@/lib/env";
import { recordFunnelEvent } from "@/lib/quiz/funnel";
import { resultPath } from "@/lib/quiz/paths";
import { lessonTeaserFor } from "@/lib/lessons/teaser";
import { getQuizResult } from "@/lib/quiz/results";
import { ShareLink } from "./share-link";
import { log, reason } from "@/lib/log";

export const metadata: Metadata = {
  title: "Your plan",
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};

export default async function ResultPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const result = await getQuizResult(token);
  if (!result) notFound();
  recordFunnelEvent({ type: "result_viewed", version: result.definitionVersion }, result.prescription.id).catch((err) =>
    log.error("funnel event failed", { reason: reason(err) }),
  );
  const { prescription: p, reasons } = result;
  const lesson = p.crisis ? null : await lessonTeaserFor(p.id);
  const url = new URL(resultPath(token), env().APP_URL).toString();

  return (
    <article className="space-y-8">
      {p.crisis ? <CrisisResources /> : null}

      <header className="space-y-3">
        <p className="text-sm font-semibold uppercase tracking-wide text-clay">Your plan</p>
        <h1 className="font-serif text-3xl font-semibold leading-tight sm:text-4xl">{p.title}</h1>
        <p className="text-lg leading-relaxed">{p.summary}</p>
      </header>

      <section aria-labelledby="steps" className="space-y-3">
        <h2 id="steps" className="font-serif text-2xl font-semibold">
          What to do next
        </h2>
        <ol className="space-y-3">
          {p.steps.map((step, i) => (
            <li key={step} className="flex gap-4 rounded-2xl border border-line bg-card p-4 leading-relaxed">
              <span aria-hidden="true" className="flex size-8 shrink-0 items-center justify-center rounded-full bg-brand-soft font-semibold text-brand">
                {i + 1}
              </span>
              <span>{step}</span>
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="pitfalls" className="space-y-3">
        <h2 id="pitfalls" className="font-serif text-2xl font-semibold">
          What to avoid
        </h2>
        <ul className="list-disc space-y-2 pl-6 leading-relaxed">
          {p.pitfalls.map((pitfall) => (
            <li key={pitfall}>{pitfall}</li>
          ))}
        </ul>
      </section>

      {reasons.length > 0 ? (
        <section aria-labelledby="why" className="space-y-3 rounded-2xl bg-brand-soft p-5">
          <h2 id="why" className="font-serif text-xl font-semibold">
            Why this fits you
          </h2>
          <ul className="list-disc space-y-2 pl-6 leading-relaxed">
            {reasons.map((why) => (
              <li key={why}>{why}</li>
            ))}
          </ul>
        </section>
      ) : null}

      {p.nextStep && !p.crisis ? (
        <section aria-labelledby="next" className="space-y-3 rounded-2xl border border-line bg-card p-5">
          <h2 id="next" className="font-serif text-xl font-semibold">
            If you’d like company on the way
          </h2>
          <p className="leading-relaxed">{p.nextStep.text}</p>
          {lesson ? (
            <p className="leading-relaxed">
              Members in your situation start with the lesson{" "}
              <a href={`/dojo/lessons/${lesson.slug}`} className="link">
                “{lesson.title}”
              </a>{" "}
              in {lesson.moduleTitle}.
            </p>
          ) : null}
          <Link href={`${p.nextStep.href}?${new URLSearchParams({ result: token })}`} className="btn-primary">
            {p.nextStep.label}
          </Link>
        </section>
      ) : null}

      {/* Optional and never needed to see the plan; not on a crisis page, which carries nothing promotional. */}
      {p.crisis ? null : <NewsletterSignup source="quiz" />}

      <section aria-labelledby="keep" className="space-y-3">
        <h2 id="keep" className="font-serif text-xl font-semibold">
          Keep this plan
        </h2>
        <ShareLink url={url} />
        <p className="text-sm text-muted">
          We don’t know who you are, and this link is the only way back to this page. Things change?{" "}
          <Link href="/quiz" className="link">
            Take the quiz again
          </Link>
          .
        </p>
      </section>

      {p.crisis ? null : (
        <p className="text-sm text-muted">
          This is coaching, not therapy. If you ever feel unsafe or think about harming yourself,{" "}
          <Link href="/help" className="link">
            help is here
          </Link>
          .
        </p>
      )}
    </article>
  );
}
