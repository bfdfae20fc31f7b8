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
  children,
}: {
  action: (previous: ActionState<Data>, input: FormData) => Promise<ActionState<Data>>;
  className?: string;
  children: ReactNode;
}) {
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} className={className}>
      {children}
      <FormError state={state} size="compact" />
    </form>
  );
}
