// Checking a finished quiz and turning it into a prescription. Pure: no I/O,
// no clock, no randomness, so the same answers and definition version always
// give the same plan and the same "why this fits you" lines.
import { evaluate, pruneAnswers } from "./flow";
import type { AnswerValue, Answers, Condition, Prescription, Question, QuizDefinition } from "./schema";

export interface AnswerIssue {
  /** Where the problem is, e.g. `answers.ties` or `answers.ties[1]`. */
  path: string;
  /** Plain English, fit to show a developer embedding the quiz (not the person taking it). */
  message: string;
}

export type ValidationResult = { ok: true; answers: Answers } | { ok: false; issues: AnswerIssue[] };

export interface PrescribeResult {
  prescription: Prescription;
  /** "Why this fits you": one line per answer that decided the plan, in question order. */
  reasons: string[];
}

const hasOwn = (obj: object, key: string): boolean => Object.prototype.hasOwnProperty.call(obj, key);

const clip = (text: string, max = 60): string => (text.length > max ? `${text.slice(0, max)}…` : text);

function fieldPath(id: string, index?: number): string {
  const base = /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(id) ? `answers.${id}` : `answers[${JSON.stringify(clip(id, 100))}]`;
  return index === undefined ? base : `${base}[${index}]`;
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "undefined";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string") return `the string ${JSON.stringify(clip(value))}`;
  if (typeof value === "number") return `the number ${String(value)}`;
  if (typeof value === "boolean") return `the boolean ${String(value)}`;
  return `a value of type ${typeof value}`;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function questionsIn(cond: Condition, out: Set<string> = new Set()): Set<string> {
  if ("all" in cond) cond.all.forEach((c) => questionsIn(c, out));
  else if ("any" in cond) cond.any.forEach((c) => questionsIn(c, out));
  else if ("not" in cond) questionsIn(cond.not, out);
  else out.add(cond.q);
  return out;
}

const quoteList = (ids: readonly string[]) => ids.map((id) => `"${id}"`).join(", ");

type Checked = { ok: true; value: AnswerValue } | { ok: false; issues: AnswerIssue[] };

function checkAnswer(q: Question, value: unknown): Checked {
  const path = fieldPath(q.id);
  if (q.kind === "number") {
    const expected = `a whole number of ${q.unit} from ${q.min} to ${q.max}`;
    if (typeof value !== "number") {
      return { ok: false, issues: [{ path, message: `"${q.id}" is a number question: expected ${expected}, got ${describe(value)}.` }] };
    }
    if (!Number.isInteger(value)) {
      return { ok: false, issues: [{ path, message: `"${q.id}" expects ${expected}; ${String(value)} is not a whole number.` }] };
    }
    if (value < q.min || value > q.max) {
      return { ok: false, issues: [{ path, message: `"${q.id}" expects ${expected}; ${String(value)} is out of range.` }] };
    }
    return { ok: true, value };
  }

  const optionIds = q.options.map((o) => o.id);
  const unknownOption = (v: string) =>
    `${JSON.stringify(clip(v))} is not an option of "${q.id}"; expected one of ${quoteList(optionIds)}.`;

  if (q.kind === "single") {
    if (typeof value !== "string") {
      return { ok: false, issues: [{ path, message: `"${q.id}" is a single-choice question: expected one option id as a string, got ${describe(value)}.` }] };
    }
    if (!optionIds.includes(value)) return { ok: false, issues: [{ path, message: unknownOption(value) }] };
    return { ok: true, value };
  }

  if (!Array.isArray(value)) {
    return { ok: false, issues: [{ path, message: `"${q.id}" is a multi-choice question: expected an array of option ids, got ${describe(value)}.` }] };
  }
  const exclusiveIds = q.options.filter((o) => o.exclusive).map((o) => o.id);
  if (value.length === 0) {
    const hint = exclusiveIds.length > 0 ? ` (if nothing applies, send ${quoteList(exclusiveIds)})` : "";
    return { ok: false, issues: [{ path, message: `"${q.id}" needs at least one option${hint}; got an empty array.` }] };
  }
  const issues: AnswerIssue[] = [];
  const seen = new Set<string>();
  value.forEach((v: unknown, i) => {
    const at = fieldPath(q.id, i);
    if (typeof v !== "string") issues.push({ path: at, message: `Each answer to "${q.id}" must be an option id as a string, got ${describe(v)}.` });
    else if (!optionIds.includes(v)) issues.push({ path: at, message: unknownOption(v) });
    else if (seen.has(v)) issues.push({ path: at, message: `"${v}" is listed more than once in "${q.id}".` });
    else seen.add(v);
  });
  if (seen.size > 1) {
    value.forEach((v: unknown, i) => {
      if (typeof v === "string" && exclusiveIds.includes(v) && value.indexOf(v) === i) {
        issues.push({ path: fieldPath(q.id, i), message: `"${v}" excludes every other option of "${q.id}", so it must be sent on its own.` });
      }
    });
  }
  if (issues.length > 0) return { ok: false, issues };
  // Stored in the definition's option order, so equal answers look equal.
  return { ok: true, value: optionIds.filter((id) => seen.has(id)) };
}

/**
 * Checks a complete set of answers against a definition: every question that
 * applies must be answered, and nothing else may be. Returns every issue
 * found, or the answers (multi-choice answers in the definition's option order).
 */
export function validateAnswers(def: QuizDefinition, input: unknown): ValidationResult {
  if (!isPlainObject(input)) {
    return {
      ok: false,
      issues: [{ path: "answers", message: `Answers must be a plain object mapping question ids to answers, got ${describe(input)}.` }],
    };
  }
  const issues: AnswerIssue[] = [];
  const known = new Set(def.questions.map((q) => q.id));
  for (const key of Object.keys(input)) {
    if (!known.has(key)) {
      issues.push({ path: fieldPath(key), message: `There is no question ${JSON.stringify(clip(key))} in quiz version ${def.version}.` });
    }
  }

  const answers: Answers = {};
  // Questions whose answer is missing or invalid, and those whose visibility
  // depends on one: whether they apply can't be judged until that is fixed, so
  // they get no "missing" or "doesn't apply" issue that would send the
  // developer the wrong way (a present answer is still type-checked).
  const undecidable = new Set<string>();
  for (const q of def.questions) {
    const present = hasOwn(input, q.id);
    const deps = q.showIf ? [...questionsIn(q.showIf)] : [];
    if (deps.some((d) => undecidable.has(d))) {
      undecidable.add(q.id);
      if (present) {
        const checked = checkAnswer(q, input[q.id]);
        if (!checked.ok) issues.push(...checked.issues);
      }
      continue;
    }
    if (q.showIf !== undefined && !evaluate(q.showIf, answers)) {
      if (present) {
        issues.push({
          path: fieldPath(q.id),
          message: `"${q.id}" doesn't apply given the answers to ${quoteList(deps)}, so it must be left out.`,
        });
      }
      continue;
    }
    if (!present) {
      issues.push({ path: fieldPath(q.id), message: `"${q.id}" applies given the other answers but has no answer; every question that applies is required.` });
      undecidable.add(q.id);
      continue;
    }
    const checked = checkAnswer(q, input[q.id]);
    if (checked.ok) answers[q.id] = checked.value;
    else {
      issues.push(...checked.issues);
      undecidable.add(q.id);
    }
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, answers };
}

type Picked = Map<string, Set<string> | "number">;

function pick(picked: Picked, q: string, value: AnswerValue | readonly string[]): void {
  if (typeof value === "number") {
    picked.set(q, "number");
    return;
  }
  const prev = picked.get(q);
  const set = prev instanceof Set ? prev : new Set<string>();
  for (const v of typeof value === "string" ? [value] : value) set.add(v);
  picked.set(q, set);
}

// The answers that made a (true) condition true: every child of `all`, only
// the children of `any` that hold, nothing under `not` (an answer that was
// not given is never named).
function collect(cond: Condition, answers: Answers, picked: Picked): void {
  if (!evaluate(cond, answers)) return;
  if ("all" in cond) cond.all.forEach((c) => collect(c, answers, picked));
  else if ("any" in cond) cond.any.forEach((c) => collect(c, answers, picked));
  else if ("not" in cond) return;
  else {
    const a = hasOwn(answers, cond.q) ? answers[cond.q] : undefined;
    if (a === undefined) return;
    if ("includesAny" in cond && Array.isArray(a)) pick(picked, cond.q, a.filter((o) => cond.includesAny.includes(o)));
    else if ("includes" in cond) pick(picked, cond.q, [cond.includes]);
    else pick(picked, cond.q, a);
  }
}

/**
 * The plan for a set of (validated) answers: the first rule whose condition
 * holds wins. Answers to questions that don't apply are ignored.
 */
export function prescribe(def: QuizDefinition, input: Answers): PrescribeResult {
  const answers = pruneAnswers(def.questions, input);
  const rule = def.rules.find((r) => r.when === undefined || evaluate(r.when, answers));
  if (!rule) throw new Error(`quiz v${def.version}: no rule matched; the last rule must be a catch-all`);
  const prescription = def.prescriptions.find((p) => p.id === rule.prescription);
  if (!prescription) throw new Error(`quiz v${def.version}: rule names unknown prescription ${rule.prescription}`);

  const picked: Picked = new Map();
  if (rule.when) collect(rule.when, answers, picked);
  for (const id of rule.alsoExplain ?? []) {
    const a = hasOwn(answers, id) ? answers[id] : undefined;
    if (a !== undefined) pick(picked, id, a);
  }

  const lines: string[] = [];
  for (const q of def.questions) {
    const p = picked.get(q.id);
    if (p === undefined) continue;
    if (q.kind === "number") {
      const n = hasOwn(answers, q.id) ? answers[q.id] : undefined;
      if (typeof n === "number") lines.push(q.reason.replaceAll("{n}", String(n)));
    } else if (p instanceof Set) {
      for (const o of q.options) if (p.has(o.id)) lines.push(o.reason);
    }
  }
  return { prescription, reasons: [...new Set(lines)] };
}
