import type { ReactNode } from "react";
import type { ActionState } from "@/lib/actions/state";

// How every form says what went wrong: one box for the form, one line under each field.
// role="alert" makes screen readers announce the message as it appears.

type Errors = Pick<ActionState<unknown>, "error" | "fieldErrors">;

const box = "rounded-lg bg-alert-soft px-4 py-3 font-medium text-alert";
const compact = "text-sm font-medium text-alert";

/**
 * The form's own error, plus any field error the form shows no field for (a
 * hidden id that was tampered with, say). `fields` names the fields that show
 * their own <FieldError>, so their message is not announced twice. On a long
 * form, `summary` repeats those field messages here, by the button, after its
 * own words ("Not sent yet:"): on a phone the field may be a long scroll away.
 */
export function FormError({
  state,
  fields = [],
  size = "box",
  id,
  summary,
  children,
}: {
  state: Errors;
  fields?: readonly string[];
  size?: "box" | "compact";
  id?: string;
  summary?: string;
  children?: ReactNode;
}) {
  const inline = new Set(fields.map((f) => state.fieldErrors?.[f]).filter(Boolean));
  const unplaced = Object.entries(state.fieldErrors ?? {})
    .filter(([name]) => !fields.includes(name))
    .map(([, message]) => message);
  const messages = [...new Set([state.error, ...unplaced])].filter((m): m is string => Boolean(m) && !inline.has(m));
  const className = size === "box" ? box : `w-full ${compact}`;
  if (messages.length === 0) {
    if (!summary || inline.size === 0) return null;
    // Not an alert: each field's own message was announced already.
    return (
      <p id={id} className={className}>
        {summary} {[...inline].join(" ")}
        {children}
      </p>
    );
  }
  return (
    <p id={id} role="alert" className={className}>
      {messages.join(" ")}
      {children}
    </p>
  );
}

/** The error id a field points at with aria-describedby. */
export const fieldErrorId = (inputId: string) => `${inputId}-error`;

/** The line under one field; renders nothing while the field is fine. */
export function FieldError({ state, name, inputId }: { state: Errors; name: string; inputId: string }) {
  const message = state.fieldErrors?.[name];
  if (!message) return null;
  return (
    <p id={fieldErrorId(inputId)} role="alert" className={compact}>
      {message}
    </p>
  );
}

/** For a fieldset of radios: points the group at its error (aria-invalid belongs on the inputs, not the group). */
export function groupErrorProps(state: Errors, name: string, inputId: string) {
  return state.fieldErrors?.[name] ? { "aria-describedby": fieldErrorId(inputId) } : {};
}

/** aria attributes tying a field to its error, for any input, select or textarea; `help` is the id of its hint, kept. */
export function invalidProps(state: Errors, name: string, inputId: string, help?: string) {
  if (!state.fieldErrors?.[name]) return help ? { "aria-describedby": help } : {};
  return { "aria-invalid": true as const, "aria-describedby": [fieldErrorId(inputId), help].filter(Boolean).join(" ") };
}
