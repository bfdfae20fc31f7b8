// From answers to advice: safety first, else two or three drafts with what
// not to say and when silence is right. Pure: no I/O, no clock, so the same
// answers and version always give the same advice, and each draft's "because"
// names exactly the answers that made its condition true.
import { readAnswer, type QuestionView } from "@/lib/quiz/answer-input";
import { evaluate, pruneAnswers, visibleQuestions } from "@/lib/quiz/flow";
import type { AnswerValue, Answers, Condition } from "@/lib/quiz/schema";
import type { ExDefinition } from "./schema";

export const MAX_DRAFTS = 3;

export interface ExDraft {
  id: string;
  title: string;
  text: string;
  /** "Because you share children and it was about practical things." */
  because: string;
}

export type ExAdvice =
  | { kind: "safety"; version: number; title: string; summary: string; steps: string[]; because: string }
  | { kind: "drafts"; version: number; drafts: ExDraft[]; avoid: { say: string; why: string }[]; silence: string[] };

type ParamSource = { getAll(name: string): string[] };

/** The questions as forms need them: no "because" clauses. */
export function exQuestionViews(def: ExDefinition): QuestionView[] {
  return def.questions.map((q) => ({
    id: q.id,
    kind: q.kind,
    prompt: q.prompt,
    ...(q.help ? { help: q.help } : {}),
    ...(q.showIf ? { showIf: q.showIf } : {}),
    options: q.options.map((o) => ({ id: o.id, label: o.label, ...(o.exclusive ? { exclusive: true } : {}) })),
  }));
}

export interface ReadAnswers {
  /** The valid answers to questions that apply. */
  answers: Answers;
  /** Questions that apply and have no valid answer yet, in order. */
  unanswered: string[];
  /** What is wrong with an answer that was sent, by question. */
  issues: Record<string, string>;
}

/** Reads answers from a form or an address: anything unknown is ignored, an answer that isn't one is named. */
export function readExAnswers(def: ExDefinition, params: ParamSource): ReadAnswers {
  const answers: Answers = {};
  const issues: Record<string, string> = {};
  const unanswered: string[] = [];
  const views = exQuestionViews(def);
  for (const q of views) {
    // Asked in order, so a question's showIf sees only the answers before it.
    if (q.showIf && !evaluate(q.showIf, answers)) continue;
    const raw = params.getAll(q.id).filter((v) => v.trim() !== "");
    if (raw.length === 0) {
      unanswered.push(q.id);
      continue;
    }
    const read = readAnswer(q, raw);
    if (read.ok) answers[q.id] = read.value;
    else {
      issues[q.id] = read.message;
      unanswered.push(q.id);
    }
  }
  return { answers, unanswered, issues };
}

/** The answers as address or hidden-field pairs, in question order. */
export function exAnswerPairs(def: ExDefinition, answers: Answers): [string, string][] {
  return def.questions.flatMap((q) => {
    const a = answers[q.id];
    return a === undefined ? [] : (Array.isArray(a) ? a : [String(a)]).map((v): [string, string] => [q.id, v]);
  });
}

// The answers that made a (true) condition true: every child of `all`, the
// children of `any` that hold, nothing under `not` (an answer not given is never named).
function collect(cond: Condition, answers: Answers, picked: Map<string, Set<string>>): void {
  if (!evaluate(cond, answers)) return;
  if ("all" in cond) cond.all.forEach((c) => collect(c, answers, picked));
  else if ("any" in cond) cond.any.forEach((c) => collect(c, answers, picked));
  else if ("not" in cond) return;
  else {
    const a: AnswerValue | undefined = answers[cond.q];
    if (a === undefined || typeof a === "number") return;
    const set = picked.get(cond.q) ?? new Set<string>();
    const given = Array.isArray(a) ? a : [a];
    const named = "includes" in cond ? [cond.includes] : "includesAny" in cond ? cond.includesAny : given;
    for (const o of given) if (named.includes(o)) set.add(o);
    picked.set(cond.q, set);
  }
}

function joinClauses(clauses: string[]): string {
  if (clauses.length <= 1) return clauses.join("");
  return `${clauses.slice(0, -1).join(", ")} and ${clauses.at(-1)}`;
}

/** "Because …": the clauses of the answers that made `cond` true, in question order. */
export function becauseOf(def: ExDefinition, cond: Condition, answers: Answers): string {
  const picked = new Map<string, Set<string>>();
  collect(cond, answers, picked);
  const clauses = def.questions.flatMap((q) => q.options.filter((o) => picked.get(q.id)?.has(o.id)).map((o) => o.because));
  return clauses.length > 0 ? `Because ${joinClauses(clauses)}.` : "";
}

/** Whether the answers cover every question that applies. */
export function isExComplete(def: ExDefinition, answers: Answers): boolean {
  return visibleQuestions(def.questions, answers).every((q) => answers[q.id] !== undefined);
}

/** The advice for a complete set of answers. Answers to questions that don't apply are ignored. */
export function advise(def: ExDefinition, input: Answers): ExAdvice {
  const answers = pruneAnswers(def.questions, input);
  if (evaluate(def.safety.when, answers)) {
    const { title, summary, steps } = def.safety;
    return { kind: "safety", version: def.version, title, summary, steps: [...steps], because: becauseOf(def, def.safety.when, answers) };
  }
  const drafts = def.drafts
    .filter((d) => evaluate(d.when, answers))
    .slice(0, MAX_DRAFTS)
    .map((d) => ({ id: d.id, title: d.title, text: d.text, because: becauseOf(def, d.when, answers) }));
  const applies = (item: { when?: Condition | undefined }) => item.when === undefined || evaluate(item.when, answers);
  return {
    kind: "drafts",
    version: def.version,
    drafts,
    avoid: def.avoid.filter(applies).map(({ say, why }) => ({ say, why })),
    silence: def.silence.filter(applies).map((s) => s.text),
  };
}
