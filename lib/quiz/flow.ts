// Which questions a person sees, given their answers so far. Client-safe and
// deliberately tiny: it ships to the browser, so it imports types only.
// Everything here takes any question-like object with an id and an optional
// showIf, so the browser can pass views that carry no reason texts.
import type { AnswerValue, Answers, Condition } from "./schema";

/** The parts of a question the flow needs. A full `Question` fits, and so does a browser-side view of one. */
export interface FlowQuestion {
  id: string;
  showIf?: Condition | undefined;
}

const own = (answers: Answers, id: string): AnswerValue | undefined =>
  Object.prototype.hasOwnProperty.call(answers, id) ? answers[id] : undefined;

/** Whether a condition holds. A leaf about an unanswered question, or an answer of the wrong kind, is false. */
export function evaluate(cond: Condition, answers: Answers): boolean {
  if ("all" in cond) return cond.all.every((c) => evaluate(c, answers));
  if ("any" in cond) return cond.any.some((c) => evaluate(c, answers));
  if ("not" in cond) return !evaluate(cond.not, answers);
  const a = own(answers, cond.q);
  if (a === undefined) return false;
  if ("is" in cond) return typeof a === "string" && a === cond.is;
  if ("in" in cond) return typeof a === "string" && cond.in.includes(a);
  if ("includes" in cond) return Array.isArray(a) && a.includes(cond.includes);
  if ("includesAny" in cond) return Array.isArray(a) && cond.includesAny.some((o) => a.includes(o));
  if (typeof a !== "number") return false;
  return (cond.gte === undefined || a >= cond.gte) && (cond.lte === undefined || a <= cond.lte);
}

// One pass in definition order. Each showIf sees only the answers kept so far,
// so a stale answer to a question that is now hidden cannot keep a later
// question visible.
function walk<Q extends FlowQuestion>(questions: readonly Q[], answers: Answers): { visible: Q[]; kept: Answers } {
  const visible: Q[] = [];
  const kept: Answers = {};
  for (const q of questions) {
    if (q.showIf !== undefined && !evaluate(q.showIf, kept)) continue;
    visible.push(q);
    const a = own(answers, q.id);
    if (a !== undefined) kept[q.id] = a;
  }
  return { visible, kept };
}

/** The questions that apply given the answers, in definition order. */
export function visibleQuestions<Q extends FlowQuestion>(questions: readonly Q[], answers: Answers): Q[] {
  return walk(questions, answers).visible;
}

/** The answers minus those to unknown or now-hidden questions. */
export function pruneAnswers(questions: readonly FlowQuestion[], answers: Answers): Answers {
  return walk(questions, answers).kept;
}

/** The first question that applies and has no answer yet; undefined when the quiz is complete. */
export function nextUnanswered<Q extends FlowQuestion>(questions: readonly Q[], answers: Answers): Q | undefined {
  const { visible, kept } = walk(questions, answers);
  return visible.find((q) => own(kept, q.id) === undefined);
}

export function isComplete(questions: readonly FlowQuestion[], answers: Answers): boolean {
  return nextUnanswered(questions, answers) === undefined;
}

/**
 * For "question 3 of about 8": `index` is the 1-based position of `currentId`
 * (default: the next unanswered question) among the questions that apply now,
 * and `total` is how many apply now, answered or not. Later answers can change
 * the total, hence "about". When the quiz is complete and no current question
 * is given, index equals total. A `currentId` that does not apply counts as
 * the next unanswered question.
 */
export function progress(
  questions: readonly FlowQuestion[],
  answers: Answers,
  currentId?: string,
): { index: number; total: number; answered: number } {
  const { visible, kept } = walk(questions, answers);
  const total = visible.length;
  const answered = visible.filter((q) => own(kept, q.id) !== undefined).length;
  let at = currentId === undefined ? -1 : visible.findIndex((q) => q.id === currentId);
  if (at === -1) at = visible.findIndex((q) => own(kept, q.id) === undefined);
  return { index: at === -1 ? total : at + 1, total, answered };
}

/** The question to go back to from `currentId` (or from the end, when omitted); undefined at the first one. */
export function previousQuestion<Q extends FlowQuestion>(questions: readonly Q[], answers: Answers, currentId?: string): Q | undefined {
  const visible = visibleQuestions(questions, answers);
  const at = currentId === undefined ? visible.length : visible.findIndex((q) => q.id === currentId);
  return at > 0 ? visible[at - 1] : undefined;
}

/**
 * Ticking or unticking one option of a multi-choice question. Ticking an
 * exclusive option ("none of these") clears the others; ticking any other
 * option clears the exclusive ones. The result keeps the options' order.
 */
export function toggleOption(
  options: readonly { id: string; exclusive?: boolean | undefined }[],
  selected: readonly string[],
  optionId: string,
): string[] {
  const target = options.find((o) => o.id === optionId);
  if (!target) return options.filter((o) => selected.includes(o.id)).map((o) => o.id);
  if (selected.includes(optionId)) return options.filter((o) => o.id !== optionId && selected.includes(o.id)).map((o) => o.id);
  if (target.exclusive) return [optionId];
  return options.filter((o) => o.id === optionId || (!o.exclusive && selected.includes(o.id))).map((o) => o.id);
}
