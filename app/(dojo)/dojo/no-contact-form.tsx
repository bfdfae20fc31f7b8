"use client";

import { useActionState } from "react";
import { FieldError, FormError, groupErrorProps, invalidProps } from "@/app/components/form-error";
import { idle } from "@/lib/actions/state";
import { noContactAction } from "./actions";

/**
 * Set, change or restart the no-contact count. Restarting is part of it, not a failure.
 * When some lessons count from this date and the member already gave one, moving it asks
 * what the lessons should do; plain radios, so the choice works without JavaScript.
 */
export function NoContactForm({ start, today, anchorChosen, hasNoContactLessons }: { start: string | null; today: string; anchorChosen: boolean; hasNoContactLessons: boolean }) {
  const [state, action, pending] = useActionState(noContactAction, idle);
  const askLessons = anchorChosen && hasNoContactLessons;
  const chosen = state.values?.lessons;
  return (
    <form action={action} className="space-y-3">
      <div className="flex flex-wrap items-end gap-3">
        <div className="flex flex-col gap-1">
          <label htmlFor="nc-start" className="text-sm font-medium">
            {start ? "Change or restart from" : "My no contact started on"}
          </label>
          <input id="nc-start" name="start" type="date" max={today} defaultValue={state.values?.start ?? start ?? today} {...invalidProps(state, "start", "nc-start")} className="rounded-lg border-2 border-line bg-card px-3 py-2 text-ink" />
          <FieldError state={state} name="start" inputId="nc-start" />
        </div>
        {askLessons ? null : <Buttons start={start} pending={pending} />}
      </div>
      {!anchorChosen && hasNoContactLessons ? <p className="text-xs text-muted">Some of your lessons will count from this date.</p> : null}
      {askLessons ? (
        <>
          <fieldset className="space-y-2" {...groupErrorProps(state, "lessons", "nc-lessons")}>
            <legend className="text-sm font-medium">If the date changes, your no-contact lessons…</legend>
            <label className="flex items-start gap-3 text-sm">
              <input type="radio" name="lessons" value="restart" defaultChecked={chosen === "restart"} className="mt-0.5 size-5 shrink-0 accent-brand" />
              <span>
                Restart my lesson schedule too
                <span className="block text-xs text-muted">They count again from the new date. Any you’ve already opened stay open.</span>
              </span>
            </label>
            <label className="flex items-start gap-3 text-sm">
              <input type="radio" name="lessons" value="keep" defaultChecked={chosen === "keep"} className="mt-0.5 size-5 shrink-0 accent-brand" />
              <span>
                Keep my lessons where they are
                <span className="block text-xs text-muted">Only the day count restarts.</span>
              </span>
            </label>
            <FieldError state={state} name="lessons" inputId="nc-lessons" />
          </fieldset>
          <div className="flex flex-wrap items-center gap-3">
            <Buttons start={start} pending={pending} />
          </div>
        </>
      ) : null}
      <FormError state={state} fields={["start", "lessons"]} size="compact" />
    </form>
  );
}

function Buttons({ start, pending }: { start: string | null; pending: boolean }) {
  return (
    <>
      <button type="submit" className="btn-secondary" disabled={pending}>
        {start ? "Update" : "Start counting"}
      </button>
      {start ? (
        <button type="submit" name="intent" value="clear" className="link min-h-11 text-sm">
          Stop counting
        </button>
      ) : null}
    </>
  );
}
