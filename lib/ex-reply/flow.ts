// Which step of "my ex reached out" to show, given the address. The public
// page and the member's page both call it, so they behave the same, with or
// without JavaScript. Pure.
import type { QuestionView } from "@/lib/quiz/answer-input";
import { visibleQuestions } from "@/lib/quiz/flow";
import type { Answers } from "@/lib/quiz/schema";
import { advise, exAnswerPairs, exQuestionViews, readExAnswers, type ExAdvice } from "./engine";
import type { ExDefinition } from "./schema";

type ParamSource = { getAll(name: string): string[]; get(name: string): string | null };

export type ExFlowStep =
  | { step: "kind"; question: QuestionView; answers: Answers; carry: [string, string][]; error?: string }
  | { step: "details"; questions: QuestionView[]; answers: Answers; carry: [string, string][]; issues: Record<string, string> }
  | { step: "result"; answers: Answers; pairs: [string, string][]; advice: ExAdvice };

export function resolveExFlow(def: ExDefinition, params: ParamSource): ExFlowStep {
  const views = exQuestionViews(def);
  const [kindQuestion, ...rest] = views;
  if (!kindQuestion) throw new Error("ex-reply definition has no questions");
  const { answers, unanswered, issues } = readExAnswers(def, params);
  const pairs = exAnswerPairs(def, answers);
  const at = params.get("at");
  const kind = answers[kindQuestion.id];

  if (kind === undefined || at === "kind") {
    return {
      step: "kind",
      question: kindQuestion,
      answers,
      carry: pairs.filter(([name]) => name !== kindQuestion.id),
      ...(issues[kindQuestion.id] ? { error: issues[kindQuestion.id] } : {}),
    };
  }
  // Every question that applies to this kind of message, whatever was answered so far, so each can be changed.
  const questions = visibleQuestions(rest, { [kindQuestion.id]: kind });
  if (questions.length > 0 && (unanswered.length > 0 || at === "details")) {
    const sent = params.get("step") === "details";
    const shown: Record<string, string> = {};
    if (sent) {
      for (const id of unanswered) {
        const q = questions.find((x) => x.id === id);
        if (q) shown[id] = issues[id] ?? (q.kind === "multi" ? "Please tick at least one answer." : "Please choose one answer.");
      }
    }
    return { step: "details", questions, answers, carry: [[kindQuestion.id, String(kind)]], issues: shown };
  }
  return { step: "result", answers, pairs, advice: advise(def, answers) };
}

/** The address of a step, with the answers so far. */
export function exFlowHref(base: string, pairs: [string, string][], at?: "kind" | "details"): string {
  const params = new URLSearchParams(pairs);
  if (at) params.set("at", at);
  const query = params.toString();
  return query ? `${base}?${query}` : base;
}
