import type { z } from "zod";
import type { FieldErrors, Refusal } from "./state";

/**
 * Checks input against a schema and, when it fails, says what is wrong with
 * each field (the first problem per field, as a person fixes one at a time).
 * lib/ functions and the action layer both use it, so a refusal reads the same
 * whoever calls.
 */
export function validate<S extends z.ZodType>(schema: S, input: unknown): { ok: true; data: z.output<S> } | Refusal {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, data: parsed.data };
  const fieldErrors: FieldErrors = {};
  let general: string | undefined;
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if (typeof field === "string") fieldErrors[field] ??= issue.message;
    else general ??= issue.message;
  }
  const first = general ?? parsed.error.issues[0]?.message ?? "Check the form.";
  return { ok: false, error: first, fieldErrors };
}
