"use client";

import { useActionState, useState } from "react";
import { DecisionTree } from "@/app/components/decision-tree";
import { FieldError, FormError, invalidProps } from "@/app/components/form-error";
import { EditorInput, editorField, MarkdownHtml, MarkdownTextarea, MarkdownWorkspace, SavedLine } from "@/app/components/markdown-editor";
import { idle } from "@/lib/actions/state";
import type { ArticleForEditing } from "@/lib/articles/editor";
import { splitBody } from "@/lib/articles/flowchart";
import { saveArticleAction } from "../actions";

/** The article's title, address and summary, then its Markdown beside the page as readers will see it. */
export function ArticleEditor({ article }: { article: ArticleForEditing }) {
  const [state, action, pending] = useActionState(saveArticleAction, idle);
  const [title, setTitle] = useState(article.title);
  const [slug, setSlug] = useState(article.slug);
  const [summary, setSummary] = useState(article.summary);
  const [body, setBody] = useState(article.bodyMd);
  const published = article.status === "published";

  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="id" value={article.id} />
      <div className="grid gap-3 sm:grid-cols-2">
        <EditorInput id="title" name="title" label="Title" value={title} onChange={setTitle} state={state} maxLength={150} />
        <EditorInput
          id="slug"
          name="slug"
          label="Address (/articles/…)"
          value={slug}
          onChange={setSlug}
          state={state}
          help="Stays the same when you change the title. If you change it, the old address keeps working."
        />
      </div>
      <div>
        <label htmlFor="summary" className="text-sm font-medium">
          Summary
        </label>
        <textarea
          id="summary"
          name="summary"
          rows={2}
          value={summary}
          onChange={(e) => setSummary(e.target.value)}
          {...invalidProps(state, "summary", "summary", "summary-help")}
          className={editorField}
        />
        <FieldError state={state} name="summary" inputId="summary" />
        <p id="summary-help" className="text-xs text-muted">
          One or two sentences. The list of articles, the feed, search results and share cards show it.
        </p>
      </div>
      <MarkdownWorkspace
        title={title}
        editors={
          <MarkdownTextarea
            id="body"
            name="bodyMd"
            label="Article (Markdown)"
            rows={24}
            value={body}
            onChange={setBody}
            state={state}
            help={
              <>
                A line <code>:::flowchart no-contact</code> shows the “Should I go no contact?” decision tree in its place.
              </>
            }
          />
        }
      >
        {summary ? <p className="text-lg leading-relaxed text-muted">{summary}</p> : null}
        {splitBody(body).map((part, i) =>
          part.kind === "markdown" ? <MarkdownHtml key={i} source={part.text} /> : <DecisionTree key={i} name={part.name} />,
        )}
      </MarkdownWorkspace>
      <FormError state={state} fields={["title", "slug", "summary", "bodyMd"]} summary="Not saved:">
        {" "}Nothing was lost: your text is still here.
      </FormError>
      <div className="flex flex-wrap items-center gap-3">
        {/* The first button is the one Enter presses: it saves without changing who can see the article. */}
        <button type="submit" name="status" value={article.status} className="btn-primary" disabled={pending}>
          {pending ? "Saving…" : published ? "Save" : "Save draft"}
        </button>
        <button type="submit" name="status" value={published ? "draft" : "published"} className="btn-secondary" disabled={pending}>
          {published ? "Unpublish" : "Publish"}
        </button>
        <SavedLine state={state} updatedAt={article.updatedAt} />
      </div>
    </form>
  );
}
