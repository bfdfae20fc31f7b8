"use client";

import { useActionState } from "react";
import { requestLinkAction, type SignInFormState } from "./actions";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, action, pending] = useActionState<SignInFormState, FormData>(requestLinkAction, {});
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <div className="space-y-2">
        <label htmlFor="email" className="block font-medium">
          Your email address
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="email"
          inputMode="email"
          required
          defaultValue={state.email}
          aria-invalid={state.error ? true : undefined}
          aria-describedby={state.error ? "email-error" : undefined}
          className="w-full rounded-xl border-2 border-line bg-card px-4 py-3 text-lg text-ink focus:border-brand"
        />
        {state.error ? (
          <p id="email-error" role="alert" className="rounded-lg bg-alert-soft px-4 py-3 font-medium text-alert">
            {state.error}
          </p>
        ) : null}
      </div>
      <button type="submit" className="btn-primary w-full sm:w-auto" disabled={pending}>
        {pending ? "Sending…" : "Email me a sign-in link"}
      </button>
    </form>
  );
}
