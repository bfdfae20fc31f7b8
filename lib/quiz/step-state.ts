// Which step of the quiz to show, given the address (answers so far, plus the
// answer just submitted). The server page and the in-browser runner both call
// this, so the quiz behaves the same with and without JavaScript. Client-safe.
import { readAnswer, type QuestionView } from "./answer-input";
import { nextUnanswered, pruneAnswers, visibleQuestions } from "./flow";
import type { Answers } from "./schema";
import { answersFromParams } from "./url-state";

type ParamSource = { getAll(name: string): string[]; get(name: string): string | null };

export interface StepState {
  answers: Answers;
  /** The question to show; null once every relevant question is answered (the review step). */
  current: QuestionView | null;
  error?: string;
  /** Set when this request carried a valid answer to that question (a funnel step). */
  answered?: string;
}

export const visibleViews = (questions: QuestionView[], answers: Answers): QuestionView[] => visibleQuestions(questions, answers);

const nextView = (questions: QuestionView[], answers: Answers): QuestionView | null => nextUnanswered(questions, answers) ?? null;

export function resolveStep(questions: QuestionView[], params: ParamSource): StepState {
  const from = params.get("from");
  const at = params.get("at");
  const base = answersFromParams(questions, params, from ?? undefined);
  const submitted = from ? visibleViews(questions, base).find((q) => q.id === from) : undefined;

  if (submitted) {
    const read = readAnswer(submitted, params.getAll(submitted.id));
    if (!read.ok) return { answers: base, current: submitted, error: read.message };
    const answers = pruneAnswers(questions, { ...base, [submitted.id]: read.value });
    const visible = visibleViews(questions, answers);
    // Go forward in order (answers further on stay and are shown again), but
    // never leave a relevant question unanswered before the review.
    const after = visible[visible.findIndex((q) => q.id === submitted.id) + 1];
    const current = after ?? nextView(questions, answers);
    return { answers, current, answered: submitted.id };
  }

  const target = at ? visibleViews(questions, base).find((q) => q.id === at) : undefined;
  return { answers: base, current: target ?? nextView(questions, base) };
}

/** Position for the progress indicator: the current step's number and the relevant questions so far. */
export function stepPosition(questions: QuestionView[], state: StepState): { step: number; total: number } {
  const visible = visibleViews(questions, state.answers);
  const total = visible.length;
  if (!state.current) return { step: total, total };
  const index = visible.findIndex((q) => q.id === state.current?.id);
  return { step: index === -1 ? total : index + 1, total };
}
