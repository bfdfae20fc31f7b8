"use client";

import { useActionState, useState } from "react";
import { FieldError, FormError, invalidProps } from "@/app/components/form-error";
import { renderMarkdown } from "@/lib/markdown/render";
import { issueAction } from "./actions";

type Audience = "all" | "members" | "non_members";
type Visibility = "public" | "members";

export interface EditorIssue {
  id: number;
  subject: string;
  bodyMd: string;
  audience: Audience;
  visibility: Visibility;
  status: "draft" | "scheduled";
  /** The scheduled time as a datetime-local value in the coach's zone, and for people. */
  scheduledLocal: string | null;
  scheduledLabel: string | null;
}

const field = "w-full rounded-lg border-2 border-line bg-card px-3 py-2 text-ink focus:border-brand";

const audiences: { value: Audience; label: string }[] = [
  { value: "all", label: "Everyone on the list" },
  { value: "members", label: "Members only (people with Dojo access)" },
  { value: "non_members", label: "Everyone except members" },
];

/**
 * Markdown on the left, the letter as readers will see it on the right. Fields
 * are controlled, so a refused save leaves every word where it was. Every
 * button saves first, so a test or a send is of exactly what is on screen.
 */
export function IssueEditor({
  issue,
  sizes,
  timeZone,
  notice,
  error,
}: {
  issue: EditorIssue | null;
  sizes: Record<Audience, number>;
  timeZone: string;
  notice?: string;
  error?: string;
}) {
  const [state, action, pending] = useActionState(issueAction, { message: notice, error, ok: error ? false : notice ? true : undefined });
  const [subject, setSubject] = useState(issue?.subject ?? "");
  const [body, setBody] = useState(issue?.bodyMd ?? "");
  const [audience, setAudience] = useState<Audience>(issue?.audience ?? "all");
  const [visibility, setVisibility] = useState<Visibility>(issue?.visibility ?? "public");
  const [sendAt, setSendAt] = useState(issue?.scheduledLocal ?? "");
  const reach = sizes[audience];

  return (
    <form action={action} className="space-y-6">
      {issue ? <input type="hidden" name="issueId" value={issue.id} /> : null}
      <div>
        <label htmlFor="subject" className="text-sm font-medium">
          Subject
        </label>
        <input id="subject" name="subject" value={subject} onChange={(e) => setSubject(e.target.value)} maxLength={150} {...invalidProps(state, "subject", "subject")} className={field} />
        <FieldError state={state} name="subject" inputId="subject" />
      </div>

      <div className="grid gap-4 lg:grid-cols-2">
        <div>
          <label htmlFor="body" className="text-sm font-medium">
            Letter (Markdown)
          </label>
          <textarea
            id="body"
            name="bodyMd"
            rows={20}
            value={body}
            onChange={(e) => setBody(e.target.value)}
            {...invalidProps(state, "bodyMd", "body", "body-help")}
            className={`${field} font-mono text-sm`}
          />
          <FieldError state={state} name="bodyMd" inputId="body" />
          <p id="body-help" className="text-xs text-muted">
            **bold**, *italic*, ## heading, - list, [words](https://link). Each letter ends with the unsubscribe links.
          </p>
        </div>
        <section aria-label="Preview" className="min-w-0 space-y-3 rounded-2xl border border-line bg-paper p-4">
          <p className="text-xs font-semibold uppercase tracking-wide text-muted">Preview</p>
          <h2 className="font-serif text-2xl font-semibold">{subject || "Your subject"}</h2>
          <div className="lesson-prose break-words" dangerouslySetInnerHTML={{ __html: renderMarkdown(body) }} />
        </section>
      </div>

      <div className="grid gap-4 sm:grid-cols-2">
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium">Who gets it</legend>
          {audiences.map((a) => (
            <label key={a.value} className="flex items-start gap-2">
              <input type="radio" name="audience" value={a.value} checked={audience === a.value} onChange={() => setAudience(a.value)} className="mt-1" />
              <span>
                {a.label} <span className="text-sm text-muted">({sizes[a.value].toLocaleString("en-US")} now)</span>
              </span>
            </label>
          ))}
        </fieldset>
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium">In the archive, after it goes out</legend>
          <label className="flex items-start gap-2">
            <input type="radio" name="visibility" value="public" checked={visibility === "public"} onChange={() => setVisibility("public")} className="mt-1" />
            <span>Public: anyone can read it</span>
          </label>
          <label className="flex items-start gap-2">
            <input type="radio" name="visibility" value="members" checked={visibility === "members"} onChange={() => setVisibility("members")} className="mt-1" />
            <span>Members only</span>
          </label>
        </fieldset>
      </div>

      <div aria-live="polite">
        <FormError state={state} fields={["subject", "bodyMd", "sendAt"]} summary="Not saved:">
          {" "}Nothing was lost: your text is still here.
        </FormError>
        {state.ok && state.message ? <p className="rounded-lg bg-brand-soft px-4 py-3 font-medium">{state.message}</p> : null}
      </div>

      <div className="flex flex-wrap gap-3">
        <button type="submit" name="intent" value="save" className="btn-secondary" disabled={pending}>
          Save draft
        </button>
        <button type="submit" name="intent" value="test" className="btn-secondary" disabled={pending}>
          Send a test to me
        </button>
        {issue?.status === "draft" ? (
          <button type="submit" name="intent" value="delete" className="btn-secondary" disabled={pending} onClick={(e) => { if (!window.confirm("Delete this draft?")) e.preventDefault(); }}>
            Delete draft
          </button>
        ) : null}
      </div>

      <section aria-labelledby="send-heading" className="space-y-4 rounded-2xl border border-line bg-card p-5">
        <h2 id="send-heading" className="text-lg font-semibold">
          Send
        </h2>
        {issue?.status === "scheduled" && issue.scheduledLabel ? (
          <div className="flex flex-wrap items-center gap-3">
            <p className="font-medium">Scheduled for {issue.scheduledLabel}.</p>
            <button type="submit" name="intent" value="unschedule" className="btn-secondary min-h-9 py-1 text-sm" disabled={pending}>
              Unschedule
            </button>
          </div>
        ) : null}
        <div className="flex flex-wrap items-end gap-3">
          <div>
            <label htmlFor="sendAt" className="text-sm font-medium">
              Date and time ({timeZone})
            </label>
            <input id="sendAt" name="sendAt" type="datetime-local" value={sendAt} onChange={(e) => setSendAt(e.target.value)} {...invalidProps(state, "sendAt", "sendAt")} className={field} />
            <FieldError state={state} name="sendAt" inputId="sendAt" />
          </div>
          <button type="submit" name="intent" value="schedule" className="btn-secondary" disabled={pending}>
            {issue?.status === "scheduled" ? "Reschedule" : "Schedule"}
          </button>
        </div>
        <div className="flex flex-wrap items-center gap-3 border-t border-line pt-4">
          <button
            type="submit"
            name="intent"
            value="send"
            className="btn-primary"
            disabled={pending}
            onClick={(e) => {
              if (!window.confirm(`Send “${subject || "this issue"}” now to ${reach.toLocaleString("en-US")} ${reach === 1 ? "person" : "people"}?`)) e.preventDefault();
            }}
          >
            Send now
          </button>
          <p className="text-sm text-muted">
            Goes to {reach.toLocaleString("en-US")} confirmed {reach === 1 ? "subscriber" : "subscribers"}. Once it starts, it can’t be changed.
          </p>
        </div>
      </section>
    </form>
  );
}
