"use client";

import { useActionState } from "react";
import { FieldError, FormError, groupErrorProps, invalidProps } from "@/app/components/form-error";
import { idle } from "@/lib/actions/state";
import { logContactAction } from "./actions";

/** "My ex reached out" / "I reached out": logged without judgement, with the option to restart the count. */
export function ContactForm({ today, askLessons = false }: { today: string; askLessons?: boolean }) {
  const [state, action, pending] = useActionState(logContactAction, idle);
  return (
    <form action={action} className="space-y-3 rounded-2xl border border-line bg-card p-4">
      <fieldset className="space-y-2">
        <legend className="font-semibold">Log contact</legend>
        <label className="flex items-center gap-3">
          <input type="radio" name="kind" value="ex_reached_out" defaultChecked={state.values?.kind !== "i_reached_out"} className="size-5 accent-brand" />
          My ex reached out
        </label>
        <label className="flex items-center gap-3">
          <input type="radio" name="kind" value="i_reached_out" defaultChecked={state.values?.kind === "i_reached_out"} className="size-5 accent-brand" />I reached out
        </label>
      </fieldset>
      <div className="flex flex-wrap items-end gap-3">
        <div className="flex flex-col">
          <label htmlFor="onDate" className="text-sm">
            On
          </label>
          <input id="onDate" name="onDate" type="date" max={today} defaultValue={state.values?.onDate ?? today} {...invalidProps(state, "onDate", "onDate")} className="rounded-lg border-2 border-line bg-card px-2 py-1.5 text-ink" />
          <FieldError state={state} name="onDate" inputId="onDate" />
        </div>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="restart" value="yes" defaultChecked={state.values?.restart === "yes"} className="size-4 accent-brand" />
          Restart my no-contact count from that day
        </label>
        {askLessons ? (
          <fieldset className="basis-full space-y-1" {...groupErrorProps(state, "lessons", "contact-lessons")}>
            <legend className="text-sm">If you restart the count, your no-contact lessons…</legend>
            <label className="flex items-center gap-2 text-sm">
              <input type="radio" name="lessons" value="restart" defaultChecked={state.values?.lessons === "restart"} className="size-4 shrink-0 accent-brand" />
              Restart my lesson schedule too (what’s open stays open)
            </label>
            <label className="flex items-center gap-2 text-sm">
              <input type="radio" name="lessons" value="keep" defaultChecked={state.values?.lessons === "keep"} className="size-4 shrink-0 accent-brand" />
              Keep my lessons where they are
            </label>
            <FieldError state={state} name="lessons" inputId="contact-lessons" />
          </fieldset>
        ) : null}
        <button type="submit" className="btn-secondary min-h-9 py-1 text-sm" disabled={pending}>
          Log it
        </button>
      </div>
      <FormError state={state} fields={["onDate", "lessons"]} size="compact" />
      <p aria-live="polite" className="text-sm">
        {state.ok ? "Logged. It happens — what matters is what you do next." : ""}
      </p>
    </form>
  );
}
