"use client";

import { useActionState } from "react";
import { FieldError, FormError, invalidProps } from "@/app/components/form-error";
import { idle } from "@/lib/actions/state";
import { noContactAction } from "./actions";

/** Set, change or restart the no-contact count. Restarting is part of it, not a failure. */
export function NoContactForm({ start, today }: { start: string | null; today: string }) {
  const [state, action, pending] = useActionState(noContactAction, idle);
  return (
    <form action={action} className="space-y-3">
      <div className="flex flex-wrap items-end gap-3">
        <div className="flex flex-col gap-1">
          <label htmlFor="nc-start" className="text-sm font-medium">
            {start ? "Change or restart from" : "My no contact started on"}
          </label>
          <input id="nc-start" name="start" type="date" max={today} defaultValue={state.values?.start ?? start ?? today} {...invalidProps(state, "start", "nc-start")} className="rounded-lg border-2 border-line bg-card px-3 py-2 text-ink" />
          <FieldError state={state} name="start" inputId="nc-start" />
        </div>
        <button type="submit" className="btn-secondary" disabled={pending}>
          {start ? "Update" : "Start counting"}
        </button>
        {start ? (
          <button type="submit" name="intent" value="clear" className="link min-h-11 text-sm">
            Stop counting
          </button>
        ) : null}
      </div>
      <FormError state={state} fields={["start"]} size="compact" />
    </form>
  );
}
