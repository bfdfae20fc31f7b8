"use client";

import { useActionState } from "react";
import { FieldError, FormError, invalidProps } from "@/app/components/form-error";
import { idle } from "@/lib/actions/state";
import { createArticleAction } from "./actions";

export function NewArticleForm() {
  const [state, action, pending] = useActionState(createArticleAction, idle);
  return (
    <form action={action} className="space-y-2 rounded-2xl border border-dashed border-line p-4">
      <div className="flex flex-col">
        <label htmlFor="new-article-title" className="text-sm font-medium">
          New article title
        </label>
        <input
          id="new-article-title"
          name="title"
          required
          defaultValue={state.values?.title}
          {...invalidProps(state, "title", "new-article-title")}
          className="rounded-lg border border-line bg-card px-2 py-1.5 text-ink"
        />
        <FieldError state={state} name="title" inputId="new-article-title" />
      </div>
      <p className="text-sm text-muted">It starts as a draft: nobody else sees it until you publish.</p>
      <button type="submit" className="btn-secondary min-h-9 py-1 text-sm" disabled={pending}>
        Start a draft
      </button>
      <FormError state={state} fields={["title"]} size="compact" />
    </form>
  );
}
