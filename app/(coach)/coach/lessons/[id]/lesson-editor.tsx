"use client";

import { useActionState, useState } from "react";
import { FormError } from "@/app/components/form-error";
import { EditorInput, editorField as field, MarkdownHtml, MarkdownTextarea, MarkdownWorkspace, SavedLine } from "@/app/components/markdown-editor";
import { idle } from "@/lib/actions/state";
import type { LessonForEditing } from "@/lib/lessons/editor";
import { saveLessonAction } from "../actions";

/** The lesson's settings, then its Markdown beside the page as members will see it. */
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
        <EditorInput id="title" name="title" label="Title" value={title} onChange={setTitle} state={state} />
        <EditorInput
          id="slug"
          name="slug"
          label="Address (/dojo/lessons/…)"
          value={slug}
          onChange={setSlug}
          state={state}
          help="Stays the same when you change the title. If you change it, the old address keeps working."
        />
        <EditorInput id="offset" name="releaseOffsetDays" label={lesson.releaseAnchor === "no_contact" ? "Opens on day (of the member’s no contact)" : "Opens on day (after the member starts)"} type="number" min={0} max={730} value={offset} onChange={setOffset} state={state} />
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
      <MarkdownWorkspace
        title={title}
        editors={
          <>
            <MarkdownTextarea id="body" name="bodyMd" label="Lesson (Markdown)" rows={18} value={body} onChange={setBody} state={state} />
            <MarkdownTextarea id="exercise" name="exerciseMd" label="Exercise (Markdown)" rows={6} value={exercise} onChange={setExercise} state={state} />
          </>
        }
      >
        <MarkdownHtml source={body} />
        {exercise ? (
          <div className="rounded-xl bg-brand-soft p-3">
            <p className="font-semibold">Your exercise</p>
            <MarkdownHtml source={exercise} />
          </div>
        ) : null}
      </MarkdownWorkspace>
      <FormError state={state} fields={["title", "slug", "releaseOffsetDays", "bodyMd", "exerciseMd"]} summary="Not saved:">
        {" "}Nothing was lost: your text is still here.
      </FormError>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className="btn-primary" disabled={pending}>
          {pending ? "Saving…" : "Save"}
        </button>
        <SavedLine state={state} updatedAt={lesson.updatedAt} />
      </div>
    </form>
  );
}
