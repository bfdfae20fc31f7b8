"use client";

import { useActionState } from "react";
import { createLessonAction, createModuleAction, type FormState } from "./actions";

export function NewLessonForm({ moduleId, moduleTitle }: { moduleId: number; moduleTitle: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(createLessonAction, {});
  const id = `new-lesson-${moduleId}`;
  return (
    <form action={action} className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="moduleId" value={moduleId} />
      <div className="flex min-w-0 flex-1 flex-col">
        <label htmlFor={id} className="text-xs text-muted">
          New lesson in {moduleTitle}
        </label>
        <input id={id} name="title" required className="rounded-lg border border-line bg-card px-2 py-1.5 text-ink" />
      </div>
      <button type="submit" className="btn-secondary min-h-9 py-1 text-sm" disabled={pending}>
        Add lesson
      </button>
      {state.error ? <p role="alert" className="w-full text-sm text-alert">{state.error}</p> : null}
    </form>
  );
}

export function NewModuleForm() {
  const [state, action, pending] = useActionState<FormState, FormData>(createModuleAction, {});
  return (
    <form action={action} className="space-y-2 rounded-2xl border border-dashed border-line p-4">
      <div className="flex flex-col">
        <label htmlFor="module-title" className="text-sm font-medium">
          New module title
        </label>
        <input id="module-title" name="title" required className="rounded-lg border border-line bg-card px-2 py-1.5 text-ink" />
      </div>
      <div className="flex flex-col">
        <label htmlFor="module-summary" className="text-sm font-medium">
          Summary (optional)
        </label>
        <input id="module-summary" name="summary" className="rounded-lg border border-line bg-card px-2 py-1.5 text-ink" />
      </div>
      <button type="submit" className="btn-secondary min-h-9 py-1 text-sm" disabled={pending}>
        Add module
      </button>
      {state.error ? <p role="alert" className="text-sm text-alert">{state.error}</p> : null}
    </form>
  );
}
