"use client";

import { useActionState } from "react";
import { grantCompAction, type CompFormState } from "./actions";

export function GrantCompForm({ userId, email }: { userId: string; email: string }) {
  const [state, action, pending] = useActionState<CompFormState, FormData>(grantCompAction, {});
  const inputId = `ends-${userId}`;
  return (
    <form action={action} className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="userId" value={userId} />
      <div className="flex flex-col">
        <label htmlFor={inputId} className="text-xs text-muted">
          Free access for {email} until
        </label>
        <input id={inputId} name="endsOn" type="date" required className="rounded-lg border border-line bg-card px-2 py-1 text-ink" />
      </div>
      <button type="submit" className="btn-secondary min-h-9 py-1 text-sm" disabled={pending}>
        Grant
      </button>
      {state.error ? (
        <p role="alert" className="w-full text-sm text-alert">
          {state.error}
        </p>
      ) : null}
    </form>
  );
}
