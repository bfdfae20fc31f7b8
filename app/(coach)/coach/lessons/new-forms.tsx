"use client";

import { useActionState } from "react";
import { FieldError, FormError, invalidProps } from "@/app/components/form-error";
import { idle } from "@/lib/actions/state";
import { createLessonAction, createModuleAction } from "./actions";

export function NewLessonForm({ moduleId, moduleTitle }: { moduleId: number; moduleTitle: string }) {
  const [state, action, pending] = useActionState(createLessonAction, idle);
  const id = `new-lesson-${moduleId}`;
  return (
    <form action={action} className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="moduleId" value={moduleId} />
      <div className="flex min-w-0 flex-1 flex-col">
        <label htmlFor={id} className="text-xs text-muted">
          New lesson in {moduleTitle}
        </label>
        <input id={id} name="title" required defaultValue={state.values?.title} {...invalidProps(state, "title", id)} className="rounded-lg border border-line bg-card px-2 py-1.5 text-ink" />
        <FieldError state={state} name="title" inputId={id} />
      </div>
      <button type="submit" className="btn-secondary min-h-9 py-1 text-sm" disabled={pending}>
        Add lesson
      </button>
      <FormError state={state} fields={["title"]} size="compact" />
    </form>
  );
}

export function NewModuleForm() {
  const [state, action, pending] = useActionState(createModuleAction, idle);
  return (
    <form action={action} className="space-y-2 rounded-2xl border border-dashed border-line p-4">
      <div className="flex flex-col">
        <label htmlFor="module-title" className="text-sm font-medium">
          New module title
        </label>
        <input id="module-title" name="title" required defaultValue={state.values?.title} {...invalidProps(state, "title", "module-title")} className="rounded-lg border border-line bg-card px-2 py-1.5 text-ink" />
        <FieldError state={state} name="title" inputId="module-title" />
      </div>
      <div className="flex flex-col">
        <label htmlFor="module-summary" className="text-sm font-medium">
          Summary (optional)
        </label>
        <input id="module-summary" name="summary" defaultValue={state.values?.summary} {...invalidProps(state, "summary", "module-summary")} className="rounded-lg border border-line bg-card px-2 py-1.5 text-ink" />
        <FieldError state={state} name="summary" inputId="module-summary" />
      </div>
      <button type="submit" className="btn-secondary min-h-9 py-1 text-sm" disabled={pending}>
        Add module
      </button>
      <FormError state={state} fields={["title", "summary"]} size="compact" />
    </form>
  );
}
