import type { Metadata } from "next";
import { resolveStep } from "@/lib/quiz/step-state";
import { currentQuiz } from "@/lib/quiz/views";
import { QuizRunner } from "./quiz-runner";

export const metadata: Metadata = {
  title: "Your free plan",
  description: "A few kind, honest questions about your breakup, then a plan that fits your situation. No email needed.",
  alternates: { canonical: "/quiz" },
};

// The first question, prerendered at build: the front door opens without rendering anything.
// Once someone answers without JavaScript, their steps carry state in the address and
// next.config.ts sends them to ./step (rendered per request, and counted in the funnel there).
export default function QuizPage() {
  const { version, questions } = currentQuiz();
  return <QuizRunner version={version} questions={questions} initial={resolveStep(questions, new URLSearchParams())} />;
}
