"use client";

import type { InputHTMLAttributes, ReactNode } from "react";
import { FieldError, invalidProps } from "@/app/components/form-error";
import type { ActionState } from "@/lib/actions/state";
import { renderMarkdown } from "@/lib/markdown/render";

// The coach's Markdown editor, shared by lessons and articles: text on the left,
// the page as readers will see it on the right, rendered by the same renderer the
// pages use. The fields are controlled by the form that holds them, so a refused
// save leaves every word where it was.

export const editorField = "w-full rounded-lg border-2 border-line bg-card px-3 py-2 text-ink focus:border-brand";

type State = ActionState<unknown>;

/** A labelled one-line field with its error and optional help (title, address, …). */
export function EditorInput({
  id,
  name,
  label,
  value,
  onChange,
  state,
  help,
  ...rest
}: { id: string; name: string; label: string; value: string; onChange: (value: string) => void; state: State; help?: ReactNode } & Omit<
  InputHTMLAttributes<HTMLInputElement>,
  "id" | "name" | "value" | "onChange"
>) {
  const helpId = help ? `${id}-help` : undefined;
  return (
    <div>
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <input id={id} name={name} value={value} onChange={(e) => onChange(e.target.value)} {...rest} {...invalidProps(state, name, id, helpId)} className={editorField} />
      <FieldError state={state} name={name} inputId={id} />
      {help ? (
        <p id={helpId} className="text-xs text-muted">
          {help}
        </p>
      ) : null}
    </div>
  );
}

/** A labelled Markdown textarea with its error. */
export function MarkdownTextarea({
  id,
  name,
  label,
  rows,
  value,
  onChange,
  state,
  help,
}: {
  id: string;
  name: string;
  label: string;
  rows: number;
  value: string;
  onChange: (value: string) => void;
  state: State;
  help?: ReactNode;
}) {
  const helpId = help ? `${id}-help` : undefined;
  return (
    <div>
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <textarea id={id} name={name} rows={rows} value={value} onChange={(e) => onChange(e.target.value)} {...invalidProps(state, name, id, helpId)} className={`${editorField} font-mono text-sm`} />
      <FieldError state={state} name={name} inputId={id} />
      {help ? (
        <p id={helpId} className="text-xs text-muted">
          {help}
        </p>
      ) : null}
    </div>
  );
}

/** Markdown rendered as readers see it (raw HTML escaped, unsafe links refused). */
export function MarkdownHtml({ source, className = "" }: { source: string; className?: string }) {
  return <div className={`lesson-prose ${className}`} dangerouslySetInnerHTML={{ __html: renderMarkdown(source) }} />;
}

/** The textareas beside their live preview. */
export function MarkdownWorkspace({ editors, title, children }: { editors: ReactNode; title: string; children: ReactNode }) {
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <div className="min-w-0 space-y-3">{editors}</div>
      <section aria-label="Preview" className="min-w-0 space-y-3 rounded-2xl border border-line bg-paper p-4">
        <p className="text-xs font-semibold uppercase tracking-wide text-muted">Preview</p>
        <h2 className="font-serif text-2xl font-semibold">{title}</h2>
        {children}
      </section>
    </div>
  );
}

/** The line beside the save button: what just happened, or when it was last saved. */
export function SavedLine({ state, updatedAt }: { state: State; updatedAt: Date }) {
  return (
    <p aria-live="polite" className="text-sm">
      {state.ok ? state.message : state.ok === false ? "" : `Last saved ${updatedAt.toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" })} UTC.`}
    </p>
  );
}
