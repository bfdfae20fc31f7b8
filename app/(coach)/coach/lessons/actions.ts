"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { coachAction } from "@/lib/actions/client";
import { rowId } from "@/lib/actions/fields";
import { createLesson, createModule, lessonInput, moduleAnchorInput, moduleInput, moveLesson, newLessonInput, reorderLessons, restoreVersion, saveLesson, setModuleAnchor } from "@/lib/lessons/editor";

export const createModuleAction = coachAction(moduleInput, async ({ input, actor }) => {
  const outcome = await createModule(actor, input);
  if (!outcome.ok) return outcome;
  revalidatePath("/coach/lessons");
  return { ok: true, message: "Module added." };
});

/** Whether a module's lessons count from the Dojo start or the member's no-contact start. */
export const setModuleAnchorAction = coachAction(moduleAnchorInput, async ({ input, actor }) => {
  const outcome = await setModuleAnchor(actor, input);
  if (!outcome.ok) return outcome;
  revalidatePath("/coach/lessons");
  revalidatePath("/dojo");
  return { ok: true, message: "Saved." };
});

export const createLessonAction = coachAction(newLessonInput, async ({ input, actor }) => {
  const outcome = await createLesson(actor, input);
  if (!outcome.ok) return outcome;
  redirect(`/coach/lessons/${outcome.id}`);
});

export const moveLessonAction = coachAction(z.object({ id: rowId(), direction: z.enum(["up", "down"]) }), async ({ input, actor }) => {
  await moveLesson(actor, input.id, input.direction);
  revalidatePath("/coach/lessons");
});

/** Drag and drop sends the module's whole new order. */
export const reorderLessonsAction = coachAction(z.object({ moduleId: rowId(), orderedIds: z.array(rowId()).max(500) }), async ({ input, actor }) => {
  const ok = await reorderLessons(actor, input.moduleId, input.orderedIds);
  revalidatePath("/coach/lessons");
  return ok ? { ok: true } : { ok: false, error: "The order could not be saved; please reload." };
});

/** A failed save returns the error and the page keeps every word the coach typed. */
export const saveLessonAction = coachAction(lessonInput.extend({ id: rowId() }), async ({ input: { id, ...lesson }, actor }) => {
  const outcome = await saveLesson(actor, id, lesson);
  if (!outcome.ok) return outcome;
  revalidatePath(`/coach/lessons/${id}`);
  revalidatePath("/coach/lessons");
  revalidatePath(`/dojo/lessons/${outcome.slug}`);
  return { ok: true, message: "Saved." };
});

export const restoreVersionAction = coachAction(z.object({ lessonId: rowId(), versionId: rowId() }), async ({ input, actor }) => {
  const outcome = await restoreVersion(actor, input.lessonId, input.versionId);
  if (!outcome.ok) return outcome;
  revalidatePath(`/coach/lessons/${input.lessonId}`);
});
