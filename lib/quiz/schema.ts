// The quiz definition format. A definition is plain data (questions, options,
// show-conditions, rules, prescriptions) so the coach's rules can change
// without touching the engine, and every stored result names the version it
// was computed with.
import { z } from "zod";

const id = z.string().regex(/^[a-z][a-z0-9_]*$/, "ids are lower_snake_case");

/** A condition over earlier answers. Leaves name one question. */
export type Condition =
  | { q: string; is: string } // single-choice answer equals this option
  | { q: string; in: string[] } // single-choice answer is one of these
  | { q: string; includes: string } // multi-choice answer contains this option
  | { q: string; includesAny: string[] } // multi-choice answer contains any of these
  | { q: string; gte?: number; lte?: number } // number answer within bounds (at least one bound)
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ q: id, is: id }),
    z.strictObject({ q: id, in: z.array(id).min(1) }),
    z.strictObject({ q: id, includes: id }),
    z.strictObject({ q: id, includesAny: z.array(id).min(1) }),
    z
      .strictObject({ q: id, gte: z.number().optional(), lte: z.number().optional() })
      .refine((c) => c.gte !== undefined || c.lte !== undefined, "a number condition needs gte or lte"),
    z.strictObject({ all: z.array(conditionSchema).min(1) }),
    z.strictObject({ any: z.array(conditionSchema).min(1) }),
    z.strictObject({ not: conditionSchema }),
  ]),
);

export const optionSchema = z.strictObject({
  id,
  label: z.string().min(1),
  /** Plain words for "why this fits you" when this answer decided a rule, e.g. "You share children with your ex." */
  reason: z.string().min(1),
  /** Multi-choice only: choosing it clears the others (e.g. "none of these"). */
  exclusive: z.boolean().optional(),
});

const questionBase = {
  id,
  prompt: z.string().min(1),
  help: z.string().optional(),
  showIf: conditionSchema.optional(),
};

export const questionSchema = z.discriminatedUnion("kind", [
  z.strictObject({ ...questionBase, kind: z.literal("single"), options: z.array(optionSchema).min(2) }),
  z.strictObject({ ...questionBase, kind: z.literal("multi"), options: z.array(optionSchema).min(2) }),
  z.strictObject({
    ...questionBase,
    kind: z.literal("number"),
    min: z.number().int(),
    max: z.number().int(),
    unit: z.string().min(1),
    /** Template for "why this fits you"; {n} is replaced by the number given. */
    reason: z.string().includes("{n}"),
  }),
]);

export const prescriptionSchema = z.strictObject({
  id,
  title: z.string().min(1),
  summary: z.string().min(1),
  steps: z.array(z.string().min(1)).min(3).max(6),
  pitfalls: z.array(z.string().min(1)).min(1),
  /** The invitation into the Dojo. Absent on the safety prescription: no sales there. */
  nextStep: z.strictObject({ label: z.string(), href: z.string().startsWith("/"), text: z.string() }).optional(),
  /** Safety-first prescriptions show crisis resources at the top. */
  crisis: z.boolean().optional(),
});

export const ruleSchema = z.strictObject({
  prescription: id,
  /** Omitted on the final, catch-all rule. */
  when: conditionSchema.optional(),
  /** Questions whose given answers are also listed under "why this fits you", beyond the ones that decided the rule. */
  alsoExplain: z.array(id).optional(),
});

export const definitionSchema = z
  .strictObject({
    version: z.number().int().positive(),
    questions: z.array(questionSchema).min(1),
    /** Checked in order; the first rule whose condition holds wins. */
    rules: z.array(ruleSchema).min(1),
    prescriptions: z.array(prescriptionSchema).min(1),
  })
  .superRefine((def, ctx) => {
    const seen = new Set<string>();
    for (const q of def.questions) {
      if (seen.has(q.id)) ctx.addIssue({ code: "custom", message: `duplicate question ${q.id}` });
      seen.add(q.id);
    }
    const ids = new Set(def.prescriptions.map((p) => p.id));
    for (const r of def.rules) {
      if (!ids.has(r.prescription)) ctx.addIssue({ code: "custom", message: `rule names unknown prescription ${r.prescription}` });
    }
    if (def.rules.at(-1)?.when !== undefined) {
      ctx.addIssue({ code: "custom", message: "the last rule must be a catch-all (no when)" });
    }
  });

export type QuizDefinition = z.infer<typeof definitionSchema>;
export type Question = z.infer<typeof questionSchema>;
export type Option = z.infer<typeof optionSchema>;
export type Prescription = z.infer<typeof prescriptionSchema>;
/** A single-choice answer is an option id, a multi-choice answer a list of option ids, a number answer a number. */
export type AnswerValue = string | string[] | number;
export type Answers = Record<string, AnswerValue>;
