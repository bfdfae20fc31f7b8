"use client";

import { useActionState } from "react";
import { FieldError, FormError, invalidProps } from "@/app/components/form-error";
import { idle } from "@/lib/actions/state";
import { createProductAction } from "./actions";

export function NewProductForm() {
  const [state, action, pending] = useActionState(createProductAction, idle);
  return (
    <form action={action} className="space-y-2 rounded-2xl border border-dashed border-line p-4">
      <div className="flex flex-col">
        <label htmlFor="new-product-title" className="text-sm font-medium">
          New product title
        </label>
        <input
          id="new-product-title"
          name="title"
          required
          defaultValue={state.values?.title}
          {...invalidProps(state, "title", "new-product-title")}
          className="rounded-lg border border-line bg-card px-2 py-1.5 text-ink"
        />
        <FieldError state={state} name="title" inputId="new-product-title" />
      </div>
      <p className="text-sm text-muted">It starts as a draft: nobody can buy it until you add a file and publish.</p>
      <button type="submit" className="btn-secondary min-h-9 py-1 text-sm" disabled={pending}>
        Start a draft
      </button>
      <FormError state={state} fields={["title"]} size="compact" />
    </form>
  );
}
