"use client";

import { useActionState } from "react";
import { FieldError, FormError, invalidProps } from "@/app/components/form-error";
import { idle } from "@/lib/actions/state";
import { setModuleAnchorAction } from "./actions";

/** What a module's lessons count their release days from. A plain form: works without JavaScript. */
export function ModuleAnchorForm({ moduleId, moduleTitle, anchor }: { moduleId: number; moduleTitle: string; anchor: "start" | "no_contact" }) {
  const [state, action, pending] = useActionState(setModuleAnchorAction, idle);
  const id = `anchor-${moduleId}`;
  return (
    <form action={action} className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="moduleId" value={moduleId} />
      <div className="flex min-w-0 flex-1 flex-col sm:flex-none">
        <label htmlFor={id} className="text-xs text-muted">
          Lessons in {moduleTitle} count days from each member’s
        </label>
        <select id={id} name="releaseAnchor" defaultValue={state.values?.releaseAnchor ?? anchor} {...invalidProps(state, "releaseAnchor", id)} className="w-full rounded-lg border border-line bg-card px-2 py-1.5 text-ink">
          <option value="start">first Dojo day</option>
          <option value="no_contact">no-contact start</option>
        </select>
        <FieldError state={state} name="releaseAnchor" inputId={id} />
      </div>
      <button type="submit" className="btn-secondary min-h-9 py-1 text-sm" disabled={pending}>
        Save
      </button>
      <p aria-live="polite" className="text-sm text-muted">
        {state.ok ? state.message : ""}
      </p>
      <FormError state={state} fields={["releaseAnchor"]} size="compact" />
    </form>
  );
}
