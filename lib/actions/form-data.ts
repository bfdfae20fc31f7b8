/**
 * A submitted form as a plain object for a schema: one value per name, a list
 * when the name repeats (checkbox groups). Next's own `$ACTION_…` fields, which
 * carry the action's id when JavaScript is off, are not the form's.
 */
export function formToObject(form: FormData): Record<string, FormDataEntryValue | FormDataEntryValue[]> {
  const out: Record<string, FormDataEntryValue | FormDataEntryValue[]> = Object.create(null);
  for (const [key, value] of form.entries()) {
    if (key.startsWith("$ACTION_")) continue;
    const seen = out[key];
    if (seen === undefined) out[key] = value;
    else out[key] = Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return out;
}

/** The text a person typed, to hand back with a refusal so the form shows it again. */
export function typedText(form: FormData): Partial<Record<string, string>> {
  const out: Partial<Record<string, string>> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value === "string" && !key.startsWith("$ACTION_")) out[key] = value;
  }
  return out;
}
