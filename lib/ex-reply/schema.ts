// The format of an "ex reached out" rule set. Like the quiz, the rules are
// plain versioned data (questions, when each draft applies, what to avoid), so
// the coach's advice can change without touching the engine, and a saved
// message names the version that advised on it. Conditions are the quiz's own.
import { z } from "zod";
import { conditionSchema } from "@/lib/quiz/schema";

const id = z.string().regex(/^[a-z][a-z0-9_]*$/, "ids are lower_snake_case");
const text = z.string().min(1);

export const exOptionSchema = z.strictObject({
  id,
  label: text,
  /** A clause for "Because …" when this answer chose a draft, e.g. "you share children". */
  because: text,
  /** Multi-choice only: choosing it clears the others ("none of these"). */
  exclusive: z.boolean().optional(),
});

export const exQuestionSchema = z.strictObject({
  id,
  kind: z.enum(["single", "multi"]),
  prompt: text,
  help: z.string().optional(),
  showIf: conditionSchema.optional(),
  options: z.array(exOptionSchema).min(2),
});

/** A reply draft, offered when its condition holds. Every draft has a condition: its "because" is built from it. */
export const exDraftSchema = z.strictObject({ id, when: conditionSchema, title: text, text });

/** A line of "what not to say": the kind of thing, and why it goes wrong. No condition: always shown. */
export const exAvoidSchema = z.strictObject({ id, when: conditionSchema.optional(), say: text, why: text });

/** When silence (or saying less) is the right answer, and when it isn't. */
export const exSilenceSchema = z.strictObject({ id, when: conditionSchema.optional(), text });

export const exDefinitionSchema = z.strictObject({
  version: z.number().int().positive(),
  questions: z.array(exQuestionSchema).min(1),
  /** When this holds, the answer is safety first: resources and steps, never a draft. */
  safety: z.strictObject({ when: conditionSchema, title: text, summary: text, steps: z.array(text).min(3) }),
  /** Checked in order; the first three that apply are offered. */
  drafts: z.array(exDraftSchema).min(2),
  avoid: z.array(exAvoidSchema).min(1),
  silence: z.array(exSilenceSchema).min(1),
});

export type ExDefinition = z.infer<typeof exDefinitionSchema>;
export type ExQuestion = z.infer<typeof exQuestionSchema>;
