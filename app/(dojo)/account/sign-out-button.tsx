"use client";

import { ActionForm } from "@/app/components/action-form";
import { clearDeviceDraft } from "@/app/(dojo)/dojo/check-ins/new/device-draft";
import type { ActionState } from "@/lib/actions/state";

/**
 * A sign-out form that first removes what this device keeps for the member (the
 * check-in draft copy). Without JavaScript nothing was kept, so the plain form is enough.
 */
export function SignOutButton({ action, children }: { action: (previous: ActionState, input: FormData) => Promise<ActionState>; children: React.ReactNode }) {
  return (
    <ActionForm action={action} onSubmit={clearDeviceDraft}>
      <button type="submit" className="btn-secondary">
        {children}
      </button>
    </ActionForm>
  );
}
