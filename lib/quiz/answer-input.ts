// Turning what a person sent for one question — a form field, a URL
// parameter — into an answer, with a message they can act on when it is not
// one. Client-safe: no zod, no server imports; the quiz page uses it in the
// browser and on the server alike.
import type { AnswerValue, Question } from "./schema";

/** The parts of a question the browser needs: no rule texts, no reasons. */
export type QuestionView =
  | { id: string; kind: "single" | "multi"; prompt: string; help?: string; showIf?: Question["showIf"]; options: { id: string; label: string; exclusive?: boolean }[] }
  | { id: string; kind: "number"; prompt: string; help?: string; showIf?: Question["showIf"]; min: number; max: number; unit: string };

export type StepCheck = { ok: true; value: AnswerValue } | { ok: false; message: string };

/** `raw` is every value submitted under the question's name (several for checkboxes). */
export function readAnswer(question: QuestionView, raw: string[]): StepCheck {
  const values = raw.map((v) => v.trim()).filter((v) => v !== "");
  if (question.kind === "number") {
    const text = values[0];
    if (text === undefined) return { ok: false, message: `Please enter a number of ${question.unit}.` };
    if (!/^\d+$/.test(text)) return { ok: false, message: `Please enter a whole number of ${question.unit}, like 12.` };
    const n = Number(text);
    if (n < question.min || n > question.max) {
      return { ok: false, message: `Please enter a number from ${question.min} to ${question.max}.` };
    }
    return { ok: true, value: n };
  }
  const known = new Map(question.options.map((o) => [o.id, o]));
  const chosen = [...new Set(values)].filter((v) => known.has(v));
  if (question.kind === "single") {
    const [first] = chosen;
    return first === undefined || chosen.length > 1 ? { ok: false, message: "Please choose one answer." } : { ok: true, value: first };
  }
  if (chosen.length === 0) return { ok: false, message: "Please choose at least one answer." };
  const exclusive = chosen.map((id) => known.get(id)).find((o) => o?.exclusive);
  if (exclusive && chosen.length > 1) {
    return { ok: false, message: `“${exclusive.label}” can’t be combined with other answers. Please choose again.` };
  }
  return { ok: true, value: chosen };
}

/** The form-field strings that represent an answer (the inverse of readAnswer). */
export function answerToFields(value: AnswerValue | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [String(value)];
}
