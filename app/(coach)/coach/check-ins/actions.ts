"use server";

import { revalidatePath } from "next/cache";
import { requireSignedInUser } from "@/lib/auth/current-user";
import { addCoachNote, replyToCheckin, saveReplyTemplate } from "@/lib/checkins/coach";

export interface ReplyState {
  error?: string;
  sent?: boolean;
}

/** A refused reply comes back with its reason; the coach's text stays in the box. */
export async function replyAction(id: string, _prev: ReplyState, form: FormData): Promise<ReplyState> {
  const coach = await requireSignedInUser();
  const outcome = await replyToCheckin(coach, id, { body: form.get("body") });
  if (!outcome.ok) return { error: outcome.error };
  revalidatePath(`/coach/check-ins/${id}`);
  revalidatePath("/coach/check-ins");
  return { sent: true };
}

export async function noteAction(memberId: string, checkinId: string, _prev: ReplyState, form: FormData): Promise<ReplyState> {
  const coach = await requireSignedInUser();
  const outcome = await addCoachNote(coach, memberId, { body: form.get("body") });
  if (!outcome.ok) return { error: outcome.error };
  revalidatePath(`/coach/check-ins/${checkinId}`);
  return { sent: true };
}

export async function templateAction(_prev: ReplyState, form: FormData): Promise<ReplyState> {
  const coach = await requireSignedInUser();
  const outcome = await saveReplyTemplate(coach, { title: form.get("title"), body: form.get("body") });
  return outcome.ok ? { sent: true } : { error: outcome.error };
}
