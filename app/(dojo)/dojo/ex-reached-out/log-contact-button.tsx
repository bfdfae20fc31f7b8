"use client";

import Link from "next/link";
import { useActionState } from "react";
import { FormError } from "@/app/components/form-error";
import { idle } from "@/lib/actions/state";
import { logContactAction } from "../check-ins/actions";

/** "Log that they reached out today" in one tap: the check-ins page's contact log, pre-filled. */
export function LogContactButton({ today, loggedToday }: { today: string; loggedToday: boolean }) {
  const [state, action, pending] = useActionState(logContactAction, idle);
  if (loggedToday || state.ok) {
    return (
      <p role="status" className="leading-relaxed">
        Logged: they reached out today. It’s in{" "}
        <Link href="/dojo/check-ins" className="link">
          your contact log
        </Link>
        . It happens; what matters is what you do next.
      </p>
    );
  }
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="kind" value="ex_reached_out" />
      <input type="hidden" name="onDate" value={today} />
      <button type="submit" className="btn-secondary" disabled={pending}>
        Log that they reached out today
      </button>
      <FormError state={state} size="compact" />
    </form>
  );
}
