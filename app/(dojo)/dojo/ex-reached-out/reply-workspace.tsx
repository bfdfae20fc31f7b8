"use client";

import { useActionState, type ReactNode } from "react";
import { ExReplyAdvice } from "@/app/components/ex-reply-advice";
import { FieldError, FormError, invalidProps } from "@/app/components/form-error";
import { idle } from "@/lib/actions/state";
import type { ExAdvice } from "@/lib/ex-reply/engine";
import { readMessageAction } from "./actions";

/**
 * The advice for the member's answers, and a place to paste the message to
 * think it through. The words go by POST only and are kept only if "save" is
 * ticked; if they sound threatening, the drafts give way to safety.
 */
export function ReplyWorkspace({ advice, safety, pairs, changeHref, children }: { advice: ExAdvice; safety: ExAdvice; pairs: [string, string][]; changeHref: string; children?: ReactNode }) {
  const [state, action, pending] = useActionState(readMessageAction, idle);
  const shown = state.data?.danger ? safety : advice;
  const message = state.values?.message ?? state.data?.message ?? "";
  return (
    <div className="space-y-8">
      <header className="space-y-3">
        <p className="text-sm font-semibold uppercase tracking-wide text-clay">My ex reached out</p>
        <h1 className="font-serif text-3xl font-semibold leading-tight">{shown.kind === "safety" ? "First, let’s make sure you’re safe" : "Here’s how you could answer"}</h1>
        <p className="text-sm">
          <a href={changeHref} className="link">
            Change my answers
          </a>
        </p>
      </header>
      {state.data?.danger ? (
        <p role="alert" className="rounded-xl bg-alert-soft px-4 py-3 font-medium text-alert">
          Some of the words in their message sound threatening or frightening, so we’ve put your safety first and taken the reply drafts away.
        </p>
      ) : null}
      <ExReplyAdvice advice={shown} />
      {children}
      <section aria-labelledby="think" className="space-y-4 rounded-2xl border border-line bg-card p-5">
        <h2 id="think" className="font-serif text-xl font-semibold">
          Think it through with their message
        </h2>
        <form action={action} className="space-y-4">
          {pairs.map(([name, value]) => (
            <input key={`${name}=${value}`} type="hidden" name={name} value={value} />
          ))}
          <div className="space-y-1">
            <label htmlFor="ex-message" className="font-medium">
              Paste the message you got
            </label>
            <p id="ex-message-help" className="text-sm text-muted">
              We read it with you and point out what matters. It isn’t kept unless you tick “save” below.
            </p>
            <textarea
              id="ex-message"
              name="message"
              rows={5}
              maxLength={5000}
              defaultValue={message}
              key={message}
              {...invalidProps(state, "message", "ex-message", "ex-message-help")}
              className="w-full rounded-xl border-2 border-line bg-card px-3 py-2 text-ink"
            />
            <FieldError state={state} name="message" inputId="ex-message" />
          </div>
          <div className="space-y-1">
            <label htmlFor="ex-note" className="font-medium">
              A note to yourself, if you save it (optional)
            </label>
            <textarea
              id="ex-note"
              name="note"
              rows={2}
              maxLength={2000}
              defaultValue={state.values?.note ?? ""}
              {...invalidProps(state, "note", "ex-note")}
              className="w-full rounded-xl border-2 border-line bg-card px-3 py-2 text-ink"
            />
            <FieldError state={state} name="note" inputId="ex-note" />
          </div>
          <label className="flex items-start gap-3">
            <input type="checkbox" name="save" value="yes" defaultChecked={state.values?.save === "yes"} className="mt-1 size-5 shrink-0 accent-brand" />
            <span>
              Save this message, sealed so only I can read it
              <span className="block text-sm text-muted">Useful as a record. You can delete it any time.</span>
            </span>
          </label>
          <button type="submit" className="btn-primary" disabled={pending}>
            Read it through
          </button>
          <FormError state={state} fields={["message", "note"]} />
        </form>
        {state.ok && state.data ? (
          <div role="status" className="space-y-2">
            <h3 className="font-semibold">What we notice</h3>
            <ul className="list-disc space-y-1 pl-6 leading-relaxed">
              {state.data.notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
            <p className="text-sm text-muted">{state.data.saved ? "Saved. Only you can read it, and you’ll find it below." : "Nothing was saved."}</p>
          </div>
        ) : null}
      </section>
    </div>
  );
}
