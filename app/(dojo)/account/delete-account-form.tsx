"use client";

import { useActionState } from "react";
import { FieldError, FormError, invalidProps } from "@/app/components/form-error";
import { idle } from "@/lib/actions/state";
import { clearDeviceDraft } from "@/app/(dojo)/dojo/check-ins/new/device-draft";
import { deleteAccountAction } from "./actions";

export function DeleteAccountForm({ email }: { email: string }) {
  const [state, action, pending] = useActionState(deleteAccountAction, idle);
  return (
    <details className="rounded-2xl border border-line bg-card p-4">
      <summary className="cursor-pointer font-medium">Delete my account</summary>
      <form action={action} onSubmit={clearDeviceDraft} className="mt-3 space-y-3">
        <p className="text-sm leading-relaxed">
          This cancels your membership, ends every session, and deletes your check-ins, your saved plan, your progress and the emails
          we hold for you. It can’t be undone — download your data first if you want a copy.
        </p>
        <div className="flex flex-col">
          <label htmlFor="confirmEmail" className="text-sm font-medium">
            Type {email} to confirm
          </label>
          <input id="confirmEmail" name="confirmEmail" type="email" autoComplete="off" defaultValue={state.values?.confirmEmail} {...invalidProps(state, "confirmEmail", "confirmEmail")} className="rounded-lg border-2 border-line bg-card px-3 py-2 text-ink" />
          <FieldError state={state} name="confirmEmail" inputId="confirmEmail" />
        </div>
        <FormError state={state} fields={["confirmEmail"]} size="compact" />
        <button type="submit" className="btn-secondary" disabled={pending}>
          {pending ? "Deleting…" : "Delete everything"}
        </button>
      </form>
    </details>
  );
}
