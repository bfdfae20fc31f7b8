"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireSignedInUser } from "@/lib/auth/current-user";
import { createLesson, createModule, moveLesson, reorderLessons, restoreVersion, saveLesson } from "@/lib/lessons/editor";

export interface FormState {
  error?: string;
  savedAt?: string;
}

export async function createModuleAction(_prev: FormState, form: FormData): Promise<FormState> {
  const coach = await requireSignedInUser();
  const outcome = await createModule(coach, { title: form.get("title"), summary: form.get("summary") ?? "" });
  if (!outcome.ok) return { error: outcome.error };
  revalidatePath("/coach/lessons");
  return {};
}

export async function createLessonAction(_prev: FormState, form: FormData): Promise<FormState> {
  const coach = await requireSignedInUser();
  const outcome = await createLesson(coach, { moduleId: form.get("moduleId"), title: form.get("title") });
  if (!outcome.ok) return { error: outcome.error };
  redirect(`/coach/lessons/${outcome.id}`);
}

export async function moveLessonAction(form: FormData) {
  const coach = await requireSignedInUser();
  await moveLesson(coach, Number(form.get("id")), form.get("direction") === "up" ? "up" : "down");
  revalidatePath("/coach/lessons");
}

export async function reorderLessonsAction(moduleId: number, orderedIds: number[]) {
  const coach = await requireSignedInUser();
  const ok = await reorderLessons(coach, moduleId, orderedIds);
  revalidatePath("/coach/lessons");
  return ok;
}

/** A failed save returns the error and the page keeps every word the coach typed. */
export async function saveLessonAction(id: number, _prev: FormState, form: FormData): Promise<FormState> {
  const coach = await requireSignedInUser();
  const outcome = await saveLesson(coach, id, {
    title: form.get("title"),
    slug: form.get("slug"),
    bodyMd: form.get("bodyMd"),
    exerciseMd: form.get("exerciseMd"),
    releaseOffsetDays: form.get("releaseOffsetDays"),
    status: form.get("status"),
  });
  if (!outcome.ok) return { error: outcome.error };
  revalidatePath(`/coach/lessons/${id}`);
  revalidatePath("/coach/lessons");
  revalidatePath(`/dojo/lessons/${outcome.slug}`);
  return { savedAt: new Date().toISOString() };
}

export async function restoreVersionAction(form: FormData) {
  const coach = await requireSignedInUser();
  const lessonId = Number(form.get("lessonId"));
  await restoreVersion(coach, lessonId, Number(form.get("versionId")));
  revalidatePath(`/coach/lessons/${lessonId}`);
}
