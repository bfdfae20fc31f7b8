// The quiz keeps its answers in the page's address, so a refresh, the back
// button and a browser without JavaScript all see the same state, and nothing
// is stored until the person asks for their plan. Client-safe.
import { readAnswer, answerToFields, type QuestionView } from "./answer-input";
import { pruneAnswers } from "./flow";
import type { Answers } from "./schema";

type ParamSource = { getAll(name: string): string[]; get(name: string): string | null };

/** Reads the answers present in the address, ignoring anything invalid or no longer relevant. */
export function answersFromParams(questions: QuestionView[], params: ParamSource, skip?: string): Answers {
  const answers: Answers = {};
  for (const q of questions) {
    if (q.id === skip) continue;
    const raw = params.getAll(q.id);
    if (raw.length === 0) continue;
    const read = readAnswer(q, raw);
    if (read.ok) answers[q.id] = read.value;
  }
  return pruneAnswers(questions, answers);
}

/** Hidden-field pairs (or URL parameters) for the answers, in question order. */
export function answersToPairs(questions: QuestionView[], answers: Answers, except?: string): [string, string][] {
  const pairs: [string, string][] = [];
  for (const q of questions) {
    if (q.id === except) continue;
    for (const v of answerToFields(answers[q.id])) pairs.push([q.id, v]);
  }
  return pairs;
}

export function quizHref(questions: QuestionView[], answers: Answers, at?: string): string {
  const params = new URLSearchParams(answersToPairs(questions, answers));
  // Any address with answers names a step ("review" once all are answered: resolveStep finds no
  // such question and shows the next unanswered one, or the review). next.config.ts sends
  // addresses with `at` to the per-request quiz page; bare /quiz is prerendered.
  if (at || params.size > 0) params.set("at", at ?? "review");
  const query = params.toString();
  return query ? `/quiz?${query}` : "/quiz";
}
