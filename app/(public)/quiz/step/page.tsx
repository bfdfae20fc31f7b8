import type { Metadata } from "next";
import { recordFunnelEvent } from "@/lib/quiz/funnel";
import { resolveStep } from "@/lib/quiz/step-state";
import { currentQuiz } from "@/lib/quiz/views";
import { QuizRunner } from "../quiz-runner";
import { log, reason } from "@/lib/log";
import { toSearchParams, type PageSearchParams } from "@/lib/http/search-params";

export const metadata: Metadata = {
  title: "Your free plan",
  description: "A few kind, honest questions about your breakup, then a plan that fits your situation. No email needed.",
  // Reached as /quiz?from=… or ?at=… (rewritten here by next.config.ts): one address for search engines.
  alternates: { canonical: "/quiz" },
  robots: { index: false },
};

export default async function QuizStepPage({ searchParams }: { searchParams: Promise<PageSearchParams> }) {
  const params = toSearchParams(await searchParams);
  const { version, questions } = currentQuiz();
  const state = resolveStep(questions, params);
  if (state.answered) {
    // Without JavaScript each step is a request: count it here. Counting must never block the quiz.
    const first = state.answered === questions[0]?.id;
    await Promise.all([
      first ? recordFunnelEvent({ type: "started", version }) : null,
      recordFunnelEvent({ type: "answered", version, questionId: state.answered }),
    ]).catch((err: unknown) => log.error("funnel event failed", { reason: reason(err) }));
  }
  return <QuizRunner version={version} questions={questions} initial={state} notice={params.get("notice") ?? undefined} />;
}
