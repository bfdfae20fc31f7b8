"use client";

import { useActionState, useRef, useState } from "react";
import { FieldError, FormError, invalidProps } from "@/app/components/form-error";
import { idle, type ActionState } from "@/lib/actions/state";
import { renderMarkdown } from "@/lib/markdown/render";
import { claimAction, noteAction, replyAction, templateAction } from "../actions";

export function ReplyForm({ checkinId, templates, mine }: { checkinId: string; templates: { id: number; title: string; body: string }[]; mine: boolean }) {
  const [state, action, pending] = useActionState(replyAction, idle);
  const [templateState, saveTemplate] = useActionState(templateAction, idle);
  const [claim, setClaim] = useState<ActionState>(idle);
  const [body, setBody] = useState("");
  const claimed = useRef(mine);

  // Starting to write is the explicit "I'm answering this": claim it once, so other
  // coaches see it is taken. Without JavaScript the reply itself is still the lock.
  function write(next: string) {
    setBody(next);
    if (claimed.current || !next.trim()) return;
    claimed.current = true;
    claimAction({ checkinId }).then(setClaim, () => {
      claimed.current = false;
    });
  }

  if (state.ok) return <p role="status" className="rounded-xl bg-brand-soft px-4 py-3">{state.message}</p>;
  return (
    <div className="space-y-3">
      <form action={action} className="space-y-3">
        <input type="hidden" name="checkinId" value={checkinId} />
        {templates.length > 0 ? (
          <div className="flex flex-col">
            <label htmlFor="template" className="text-sm font-medium">
              Start from a template
            </label>
            <select id="template" defaultValue="" onChange={(e) => write((body ? `${body}\n\n` : "") + (templates.find((t) => String(t.id) === e.target.value)?.body ?? ""))} className="rounded-lg border-2 border-line bg-card px-2 py-1.5 text-ink">
              <option value="">Choose…</option>
              {templates.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.title}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <label htmlFor="reply" className="font-semibold">
          Your reply (Markdown)
        </label>
        <textarea id="reply" name="body" rows={8} value={body} onChange={(e) => write(e.target.value)} {...invalidProps(state, "body", "reply")} className="w-full rounded-xl border-2 border-line bg-card px-3 py-2 text-ink focus:border-brand" />
        <FieldError state={state} name="body" inputId="reply" />
        {claim.ok === false ? (
          <p role="status" className="rounded-xl bg-clay-soft px-4 py-3">
            {claim.error}
          </p>
        ) : null}
        {body ? (
          <details>
            <summary className="cursor-pointer text-sm">Preview</summary>
            <div className="lesson-prose mt-2 rounded-xl bg-brand-soft p-3" dangerouslySetInnerHTML={{ __html: renderMarkdown(body) }} />
          </details>
        ) : null}
        <FormError state={state} fields={["body"]} />
        <button type="submit" className="btn-primary" disabled={pending}>
          {pending ? "Sending…" : "Send reply"}
        </button>
      </form>
      {body ? (
        <form action={saveTemplate} className="flex flex-wrap items-end gap-2">
          <input type="hidden" name="body" value={body} />
          <div className="flex flex-col">
            <label htmlFor="template-title" className="text-xs text-muted">
              Save this reply as a template named
            </label>
            <input id="template-title" name="title" defaultValue={templateState.values?.title} {...invalidProps(templateState, "title", "template-title")} className="rounded-lg border border-line bg-card px-2 py-1 text-ink" />
            <FieldError state={templateState} name="title" inputId="template-title" />
          </div>
          <button type="submit" className="btn-secondary min-h-9 py-1 text-sm">
            Save template
          </button>
          <FormError state={templateState} fields={["title"]} size="compact" />
          <span aria-live="polite" className="text-sm">
            {templateState.ok ? templateState.message : ""}
          </span>
        </form>
      ) : null}
    </div>
  );
}

export function NoteForm({ memberId, checkinId }: { memberId: string; checkinId: string }) {
  const [state, action, pending] = useActionState(noteAction, idle);
  const [body, setBody] = useState("");
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="memberId" value={memberId} />
      <input type="hidden" name="checkinId" value={checkinId} />
      <label htmlFor="note" className="text-sm font-medium">
        Add a private note (only coaches see notes)
      </label>
      <textarea id="note" name="body" rows={2} value={body} onChange={(e) => setBody(e.target.value)} {...invalidProps(state, "body", "note")} className="w-full rounded-lg border-2 border-line bg-card px-2 py-1.5 text-ink" />
      <FieldError state={state} name="body" inputId="note" />
      <button type="submit" className="btn-secondary min-h-9 py-1 text-sm" disabled={pending}>
        Add note
      </button>
      <span aria-live="polite" className="ml-2 text-sm">
        {state.ok ? state.message : ""}
      </span>
      <FormError state={state} fields={["body"]} size="compact" />
    </form>
  );
}
