import type { Metadata } from "next";
import Link from "next/link";
import { ExReplyAdvice } from "@/app/components/ex-reply-advice";
import { DetailsStep, KindStep } from "@/app/components/ex-reply-questions";
import { currentExDefinition } from "@/lib/ex-reply/definitions";
import { exFlowHref, resolveExFlow } from "@/lib/ex-reply/flow";
import { toSearchParams, type PageSearchParams } from "@/lib/http/search-params";

// Public and anonymous: the answers live in the address, nothing is stored or
// logged, and no database is touched, so the page stays cheap to serve.

export const metadata: Metadata = {
  title: "My ex reached out: what do I say?",
  description: "Three quick questions about the message and your situation, then brief, kind replies you could send, and what to leave out.",
  robots: { index: true, follow: true },
};

const BASE = "/ex-reached-out";

export default async function ExReachedOutPage({ searchParams }: { searchParams: Promise<PageSearchParams> }) {
  const state = resolveExFlow(currentExDefinition, toSearchParams(await searchParams));

  if (state.step === "kind") {
    return (
      <div className="space-y-6">
        <p className="text-sm font-semibold uppercase tracking-wide text-clay">My ex reached out</p>
        <p className="leading-relaxed text-muted">A message from your ex can knock the air out of you. Take a breath: you don’t have to answer this minute. Three quick questions, and you’ll have a few calm replies to choose from.</p>
        <KindStep action={BASE} question={state.question} answers={state.answers} carry={state.carry} error={state.error} />
      </div>
    );
  }
  if (state.step === "details") {
    return <DetailsStep action={BASE} questions={state.questions} answers={state.answers} carry={state.carry} issues={state.issues} backHref={exFlowHref(BASE, state.carry, "kind")} />;
  }

  const { advice } = state;
  return (
    <article className="space-y-8">
      <header className="space-y-3">
        <p className="text-sm font-semibold uppercase tracking-wide text-clay">My ex reached out</p>
        <h1 className="font-serif text-3xl font-semibold leading-tight">{advice.kind === "safety" ? "First, let’s make sure you’re safe" : "Here’s how you could answer"}</h1>
        <p className="text-sm">
          <a href={exFlowHref(BASE, state.pairs, advice.kind === "safety" && state.answers.kind === "threat" ? "kind" : "details")} className="link">
            Change my answers
          </a>
        </p>
      </header>

      <ExReplyAdvice advice={advice} />

      {advice.kind === "safety" ? null : (
        <>
          <section aria-labelledby="more" className="space-y-3 rounded-2xl border border-line bg-card p-5">
            <h2 id="more" className="font-serif text-xl font-semibold">
              Want a plan for what comes after?
            </h2>
            <p className="leading-relaxed">One message is one moment. If you’d like a plan for the weeks around it, the free quiz asks a few questions about your breakup and gives you next steps that fit. No email needed.</p>
            <Link href="/quiz" className="btn-secondary">
              Take the free quiz
            </Link>
          </section>
          <p className="text-sm text-muted">
            This is coaching, not therapy. If you ever feel unsafe or think about harming yourself,{" "}
            <Link href="/help" className="link">
              help is here
            </Link>
            .
          </p>
        </>
      )}
    </article>
  );
}
