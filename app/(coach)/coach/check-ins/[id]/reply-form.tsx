"use client";

import { useActionState, useState } from "react";
import { renderMarkdown } from "@/lib/markdown/render";
import { noteAction, replyAction, templateAction, type ReplyState } from "../actions";

export function ReplyForm({ checkinId, templates }: { checkinId: string; templates: { id: number; title: string; body: string }[] }) {
  const [state, action, pending] = useActionState<ReplyState, FormData>(replyAction.bind(null, checkinId), {});
  const [templateState, saveTemplate] = useActionState<ReplyState, FormData>(templateAction, {});
  const [body, setBody] = useState("");
  if (state.sent) return <p role="status" className="rounded-xl bg-brand-soft px-4 py-3">Reply sent. The member gets a short email saying there’s a reply.</p>;
  return (
    <div className="space-y-3">
      <form action={action} className="space-y-3">
        {templates.length > 0 ? (
          <div className="flex flex-col">
            <label htmlFor="template" className="text-sm font-medium">
              Start from a template
            </label>
            <select id="template" defaultValue="" onChange={(e) => setBody((b) => (b ? `${b}\n\n` : "") + (templates.find((t) => String(t.id) === e.target.value)?.body ?? ""))} className="rounded-lg border-2 border-line bg-card px-2 py-1.5 text-ink">
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
        <textarea id="reply" name="body" rows={8} value={body} onChange={(e) => setBody(e.target.value)} className="w-full rounded-xl border-2 border-line bg-card px-3 py-2 text-ink focus:border-brand" />
        {body ? (
          <details>
            <summary className="cursor-pointer text-sm">Preview</summary>
            <div className="lesson-prose mt-2 rounded-xl bg-brand-soft p-3" dangerouslySetInnerHTML={{ __html: renderMarkdown(body) }} />
          </details>
        ) : null}
        {state.error ? (
          <p role="alert" className="rounded-lg bg-alert-soft px-4 py-3 font-medium text-alert">
            {state.error}
          </p>
        ) : null}
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
            <input id="template-title" name="title" className="rounded-lg border border-line bg-card px-2 py-1 text-ink" />
          </div>
          <button type="submit" className="btn-secondary min-h-9 py-1 text-sm">
            Save template
          </button>
          <span aria-live="polite" className="text-sm">
            {templateState.error ?? (templateState.sent ? "Saved." : "")}
          </span>
        </form>
      ) : null}
    </div>
  );
}

export function NoteForm({ memberId, checkinId }: { memberId: string; checkinId: string }) {
  const [state, action, pending] = useActionState<ReplyState, FormData>(noteAction.bind(null, memberId, checkinId), {});
  const [body, setBody] = useState("");
  return (
    <form action={action} className="space-y-2">
      <label htmlFor="note" className="text-sm font-medium">
        Add a private note (only coaches see notes)
      </label>
      <textarea id="note" name="body" rows={2} value={body} onChange={(e) => setBody(e.target.value)} className="w-full rounded-lg border-2 border-line bg-card px-2 py-1.5 text-ink" />
      <button type="submit" className="btn-secondary min-h-9 py-1 text-sm" disabled={pending}>
        Add note
      </button>
      <span aria-live="polite" className="ml-2 text-sm">
        {state.error ?? (state.sent ? "Noted." : "")}
      </span>
    </form>
  );
}
