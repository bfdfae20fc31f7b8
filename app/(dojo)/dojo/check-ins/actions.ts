"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { dojoAction, memberAction } from "@/lib/actions/client";
import { contactEventSchema, deleteMyCheckin, draftSchema, logContactEvent, saveDraft, submitCheckin, submitSchema } from "@/lib/checkins/member";

/** Autosave as the member types. The form keeps the text whatever this answers. */
export const saveDraftAction = dojoAction(draftSchema, async ({ input, actor }) => {
  const outcome = await saveDraft(actor, input);
  if (!outcome.ok) return outcome;
  return { ok: true, data: { savedAt: outcome.savedAt.toISOString() } };
});

export const submitCheckinAction = dojoAction(submitSchema, async ({ input, actor }) => {
  const outcome = await submitCheckin(actor, input);
  if (!outcome.ok) return outcome;
  revalidatePath("/dojo/check-ins");
  redirect(`/dojo/check-ins/${outcome.id}?sent=1`);
});

// A member deletes their own check-ins even after their membership ends.
export const deleteCheckinAction = memberAction(z.object({ id: z.string() }), async ({ input, actor }) => {
  // Someone else's check-in and one already gone get the same answer: nothing to delete, nothing learnt.
  if (!(await deleteMyCheckin(actor, input.id))) return { ok: false, error: "That check-in doesn’t exist, or it was already deleted." };
  revalidatePath("/dojo/check-ins");
  redirect("/dojo/check-ins?deleted=1");
});

export const logContactAction = dojoAction(contactEventSchema, async ({ input, actor }) => {
  const outcome = await logContactEvent(actor, input);
  if (!outcome.ok) return outcome;
  revalidatePath("/dojo/check-ins");
  revalidatePath("/dojo");
  return { ok: true };
});
