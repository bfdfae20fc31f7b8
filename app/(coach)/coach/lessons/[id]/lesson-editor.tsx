"use client";

import { useActionState, useState } from "react";
import { FieldError, FormError, invalidProps } from "@/app/components/form-error";
import { idle } from "@/lib/actions/state";
import type { LessonForEditing } from "@/lib/lessons/editor";
import { renderMarkdown } from "@/lib/markdown/render";
import { saveLessonAction } from "../actions";

const field = "w-full rounded-lg border-2 border-line bg-card px-3 py-2 text-ink focus:border-brand";

/**
 * Markdown on the left, the page as members will see it on the right. The
 * fields are controlled, so a failed save leaves every word where it was.
 */
export function LessonEditor({ lesson }: { lesson: LessonForEditing["lesson"] }) {
  const [state, action, pending] = useActionState(saveLessonAction, idle);
  const [title, setTitle] = useState(lesson.title);
  const [slug, setSlug] = useState(lesson.slug);
  const [body, setBody] = useState(lesson.bodyMd);
  const [exercise, setExercise] = useState(lesson.exerciseMd);
  const [offset, setOffset] = useState(String(lesson.releaseOffsetDays));
  const [status, setStatus] = useState(lesson.status);

  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="id" value={lesson.id} />
      <div className="grid gap-3 sm:grid-cols-2">
        <div>
          <label htmlFor="title" className="text-sm font-medium">
            Title
          </label>
          <input id="title" name="title" value={title} onChange={(e) => setTitle(e.target.value)} {...invalidProps(state, "title", "title")} className={field} />
          <FieldError state={state} name="title" inputId="title" />
        </div>
        <div>
          <label htmlFor="slug" className="text-sm font-medium">
            Address (/dojo/lessons/…)
          </label>
          <input id="slug" name="slug" value={slug} onChange={(e) => setSlug(e.target.value)} {...invalidProps(state, "slug", "slug", "slug-help")} className={field} />
          <FieldError state={state} name="slug" inputId="slug" />
          <p id="slug-help" className="text-xs text-muted">
            Stays the same when you change the title. If you change it, the old address keeps working.
          </p>
        </div>
        <div>
          <label htmlFor="offset" className="text-sm font-medium">
            Opens on day (after the member starts)
          </label>
          <input id="offset" name="releaseOffsetDays" type="number" min={0} max={730} value={offset} onChange={(e) => setOffset(e.target.value)} {...invalidProps(state, "releaseOffsetDays", "offset")} className={field} />
          <FieldError state={state} name="releaseOffsetDays" inputId="offset" />
        </div>
        <div>
          <label htmlFor="status" className="text-sm font-medium">
            Status
          </label>
          <select id="status" name="status" value={status} onChange={(e) => setStatus(e.target.value as typeof status)} className={field}>
            <option value="draft">Draft (coaches only)</option>
            <option value="published">Published</option>
          </select>
        </div>
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <div className="space-y-3">
          <div>
            <label htmlFor="body" className="text-sm font-medium">
              Lesson (Markdown)
            </label>
            <textarea id="body" name="bodyMd" rows={18} value={body} onChange={(e) => setBody(e.target.value)} {...invalidProps(state, "bodyMd", "body")} className={`${field} font-mono text-sm`} />
            <FieldError state={state} name="bodyMd" inputId="body" />
          </div>
          <div>
            <label htmlFor="exercise" className="text-sm font-medium">
              Exercise (Markdown)
            </label>
            <textarea id="exercise" name="exerciseMd" rows={6} value={exercise} onChange={(e) => setExercise(e.target.value)} {...invalidProps(state, "exerciseMd", "exercise")} className={`${field} font-mono text-sm`} />
            <FieldError state={state} name="exerciseMd" inputId="exercise" />
          </div>
        </div>
        <section aria-label="Preview" className="space-y-3 rounded-2xl border border-line bg-paper p-4">
          <p className="text-xs font-semibold uppercase tracking-wide text-muted">Preview</p>
          <h2 className="font-serif text-2xl font-semibold">{title}</h2>
          <div className="lesson-prose" dangerouslySetInnerHTML={{ __html: renderMarkdown(body) }} />
          {exercise ? (
            <div className="rounded-xl bg-brand-soft p-3">
              <p className="font-semibold">Your exercise</p>
              <div className="lesson-prose" dangerouslySetInnerHTML={{ __html: renderMarkdown(exercise) }} />
            </div>
          ) : null}
        </section>
      </div>
      <FormError state={state} fields={["title", "slug", "releaseOffsetDays", "bodyMd", "exerciseMd"]} summary="Not saved:">
        {" "}Nothing was lost: your text is still here.
      </FormError>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className="btn-primary" disabled={pending}>
          {pending ? "Saving…" : "Save"}
        </button>
        <p aria-live="polite" className="text-sm">
          {state.ok ? state.message : state.ok === false ? "" : `Last saved ${lesson.updatedAt.toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" })} UTC.`}
        </p>
      </div>
    </form>
  );
}
