"use client";

import { useActionState, useId } from "react";
import { signupAction } from "@/app/(public)/newsletter/actions";
import { idle } from "@/lib/actions/state";
import { FieldError, fieldErrorId, FormError } from "./form-error";

export type SignupSource = "home" | "quiz" | "newsletter" | "article";

/**
 * The ex-communication sign-up form: one address, double opt-in. A plain form
 * post under the hood, so it works before (or without) JavaScript. The answer
 * is the same whether or not the address is already on the list.
 */
export function NewsletterSignup({
  source,
  title = "Get the ex-communication letter",
  intro = "Now and then, a short letter about the weeks after a breakup: what to do when they text, how to stop checking, how to get your footing back. No tricks, no guarantees, no spam.",
  headingLevel = 2,
}: {
  source: SignupSource;
  title?: string;
  intro?: string;
  headingLevel?: 2 | 3;
}) {
  const [state, action, pending] = useActionState(signupAction, idle);
  const id = useId();
  const H = headingLevel === 2 ? "h2" : "h3";
  const inputId = `${id}-email`;
  const noteId = `${id}-note`;

  return (
    <section aria-labelledby={`${id}-title`} className="space-y-3 rounded-2xl border border-line bg-card p-5">
      <H id={`${id}-title`} className="font-serif text-xl font-semibold">
        {title}
      </H>
      {state.ok ? (
        <div role="status" className="space-y-2">
          <p className="font-semibold">Almost there. Check your inbox.</p>
          <p className="leading-relaxed">
            If <span className="break-all font-medium">{state.data?.email}</span> can receive email, a link to confirm is on its way. It works for 48
            hours. Nothing else arrives until you click it.
          </p>
        </div>
      ) : (
        <>
          <p className="leading-relaxed text-muted">{intro}</p>
          <form action={action} className="space-y-3" noValidate>
            <input type="hidden" name="source" value={source} />
            <div className="space-y-2">
              <label htmlFor={inputId} className="block font-medium">
                Your email address
              </label>
              <div className="flex flex-col gap-3 sm:flex-row">
                <input
                  id={inputId}
                  name="email"
                  type="email"
                  autoComplete="email"
                  inputMode="email"
                  required
                  defaultValue={state.values?.email}
                  aria-invalid={state.fieldErrors?.email ? true : undefined}
                  aria-describedby={state.fieldErrors?.email ? `${fieldErrorId(inputId)} ${noteId}` : noteId}
                  className="min-w-0 flex-1 rounded-xl border-2 border-line bg-paper px-4 py-3 text-ink focus:border-brand"
                />
                <button type="submit" className="btn-primary" disabled={pending}>
                  {pending ? "Sending…" : "Subscribe"}
                </button>
              </div>
              <FieldError state={state} name="email" inputId={inputId} />
              <FormError state={state} fields={["email"]} />
            </div>
            <p id={noteId} className="text-sm text-muted">
              We’ll send one email with a link to confirm. Every letter has a one-click unsubscribe.
            </p>
          </form>
        </>
      )}
    </section>
  );
}
