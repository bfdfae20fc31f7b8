"use client";

import { useActionState, type ReactNode } from "react";
import type { ActionState } from "@/lib/actions/state";
import { FormError } from "./form-error";

/**
 * A form whose fields need no client state (hidden ids and a button): it posts
 * to a server action and shows the action's refusal under its fields, so even
 * a one-button form never fails silently. Works without JavaScript.
 */
export function ActionForm<Data>({
  action,
  className,
  onSubmit,
  children,
}: {
  action: (previous: ActionState<Data>, input: FormData) => Promise<ActionState<Data>>;
  className?: string;
  /** Runs in the browser as the form is sent (with JavaScript only). */
  onSubmit?: () => void;
  children: ReactNode;
}) {
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} onSubmit={onSubmit} className={className}>
      {children}
      <FormError state={state} size="compact" />
    </form>
  );
}
