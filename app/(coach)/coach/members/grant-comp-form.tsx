"use client";

import { useActionState } from "react";
import { FieldError, FormError, invalidProps } from "@/app/components/form-error";
import { idle } from "@/lib/actions/state";
import { grantCompAction } from "./actions";

export function GrantCompForm({ userId, email }: { userId: string; email: string }) {
  const [state, action, pending] = useActionState(grantCompAction, idle);
  const inputId = `ends-${userId}`;
  return (
    <form action={action} className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="userId" value={userId} />
      <div className="flex flex-col">
        <label htmlFor={inputId} className="text-xs text-muted">
          Free access for {email} until
        </label>
        <input id={inputId} name="endsOn" type="date" required defaultValue={state.values?.endsOn} {...invalidProps(state, "endsOn", inputId)} className="rounded-lg border border-line bg-card px-2 py-1 text-ink" />
        <FieldError state={state} name="endsOn" inputId={inputId} />
      </div>
      <button type="submit" className="btn-secondary min-h-9 py-1 text-sm" disabled={pending}>
        Grant
      </button>
      <FormError state={state} fields={["endsOn"]} size="compact" />
      {state.ok ? (
        <p role="status" className="w-full text-sm">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
