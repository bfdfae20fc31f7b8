// Valid, varied quiz answers for the API load and the seeded results, made by
// walking the real definition with the app's own flow rules (client-safe code).
import { currentDefinition } from "../../lib/quiz/definitions";
import { prescribe } from "../../lib/quiz/engine";
import { nextUnanswered } from "../../lib/quiz/flow";
import type { Answers } from "../../lib/quiz/schema";

/** The `variant`-th way through the quiz: each question gets option (variant + question index) mod n. */
export function answersFor(variant: number): Answers {
  const questions = currentDefinition.questions;
  const answers: Answers = {};
  for (let step = 0; step < questions.length; step++) {
    const q = nextUnanswered(questions, answers);
    if (!q) break;
    const pick = variant + step;
    if (q.kind === "number") answers[q.id] = q.min + (pick % (q.max - q.min + 1));
    else if (q.kind === "single") answers[q.id] = q.options[pick % q.options.length]!.id;
    else {
      // The "none of these" option when there is one (valid alone, and off the crisis path), else the first.
      answers[q.id] = [(q.options.find((o) => o.exclusive) ?? q.options[0]!).id];
    }
  }
  return answers;
}

/** The snapshot a result page renders, as `createQuizResult` stores it. */
export function snapshotFor(answers: Answers) {
  const { prescription, reasons } = prescribe(currentDefinition, answers);
  return { definitionVersion: currentDefinition.version, prescription, reasons, createdAt: new Date().toISOString() };
}

export const quizVersion = () => currentDefinition.version;
