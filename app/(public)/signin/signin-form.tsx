"use client";

import { useActionState } from "react";
import { FieldError, FormError, invalidProps } from "@/app/components/form-error";
import { idle } from "@/lib/actions/state";
import { requestLinkAction } from "./actions";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, action, pending] = useActionState(requestLinkAction, idle);
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
          defaultValue={state.values?.email}
          {...invalidProps(state, "email", "email")}
          className="w-full rounded-xl border-2 border-line bg-card px-4 py-3 text-lg text-ink focus:border-brand"
        />
        <FieldError state={state} name="email" inputId="email" />
        <FormError state={state} fields={["email"]} />
      </div>
      <button type="submit" className="btn-primary w-full sm:w-auto" disabled={pending}>
        {pending ? "Sending…" : "Email me a sign-in link"}
      </button>
    </form>
  );
}
