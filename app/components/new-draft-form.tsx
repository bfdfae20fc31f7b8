"use client";

import { useActionState } from "react";
import { FieldError, FormError, invalidProps } from "@/app/components/form-error";
import { idle, type ActionState } from "@/lib/actions/state";

/** "Start a draft" by its title, for the coach's lists (articles, products): the action opens the new draft. */
export function NewDraftForm<Data>({
  action,
  id,
  label,
  help,
}: {
  action: (state: ActionState<Data>, form: FormData) => Promise<ActionState<Data>>;
  id: string;
  label: string;
  help: string;
}) {
  const [state, formAction, pending] = useActionState(action, idle as ActionState<Data>);
  return (
    <form action={formAction} className="space-y-2 rounded-2xl border border-dashed border-line p-4">
      <div className="flex flex-col">
        <label htmlFor={id} className="text-sm font-medium">
          {label}
        </label>
        <input id={id} name="title" required defaultValue={state.values?.title} {...invalidProps(state, "title", id)} className="rounded-lg border border-line bg-card px-2 py-1.5 text-ink" />
        <FieldError state={state} name="title" inputId={id} />
      </div>
      <p className="text-sm text-muted">{help}</p>
      <button type="submit" className="btn-secondary min-h-9 py-1 text-sm" disabled={pending}>
        Start a draft
      </button>
      <FormError state={state} fields={["title"]} size="compact" />
    </form>
  );
}
