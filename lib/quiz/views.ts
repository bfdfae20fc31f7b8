import "server-only";
import type { QuestionView } from "./answer-input";
import { currentDefinition } from "./definitions";
import type { Question } from "./schema";

/** The current questions without the server-side reason texts: what the quiz page needs and no more. */
export function toQuestionView(q: Question): QuestionView {
  const base = { id: q.id, prompt: q.prompt, ...(q.help ? { help: q.help } : {}), ...(q.showIf ? { showIf: q.showIf } : {}) };
  if (q.kind === "number") return { ...base, kind: "number", min: q.min, max: q.max, unit: q.unit };
  return {
    ...base,
    kind: q.kind,
    options: q.options.map((o) => ({ id: o.id, label: o.label, ...(o.exclusive ? { exclusive: true } : {}) })),
  };
}

export function currentQuiz(): { version: number; questions: QuestionView[] } {
  return { version: currentDefinition.version, questions: currentDefinition.questions.map(toQuestionView) };
}
