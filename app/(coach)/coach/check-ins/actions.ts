"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { coachAction } from "@/lib/actions/client";
import { addCoachNote, claimCheckin, noteSchema, replySchema, replyToCheckin, saveReplyTemplate, templateSchema } from "@/lib/checkins/coach";

const checkinId = z.string().max(64);

/** A coach starts writing a reply: other coaches now see it is being answered. */
export const claimAction = coachAction(z.object({ checkinId }), async ({ input, actor }) => {
  const outcome = await claimCheckin(actor, input.checkinId);
  if (!outcome.ok) return outcome;
  revalidatePath("/coach/check-ins");
});

/** A refused reply comes back with its reason; the coach's text stays in the box. */
export const replyAction = coachAction(replySchema.extend({ checkinId }), async ({ input, actor }) => {
  const outcome = await replyToCheckin(actor, input.checkinId, input);
  if (!outcome.ok) return outcome;
  revalidatePath(`/coach/check-ins/${input.checkinId}`);
  revalidatePath("/coach/check-ins");
  return { ok: true, message: "Reply sent. The member gets a short email saying there’s a reply." };
});

export const noteAction = coachAction(noteSchema.extend({ memberId: z.string().max(64), checkinId }), async ({ input, actor }) => {
  const outcome = await addCoachNote(actor, input.memberId, input);
  if (!outcome.ok) return outcome;
  revalidatePath(`/coach/check-ins/${input.checkinId}`);
  return { ok: true, message: "Noted." };
});

export const templateAction = coachAction(templateSchema, async ({ input, actor }) => {
  const outcome = await saveReplyTemplate(actor, input);
  if (!outcome.ok) return outcome;
  return { ok: true, message: "Saved." };
});
