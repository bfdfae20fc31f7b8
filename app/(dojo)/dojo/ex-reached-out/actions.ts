"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { dojoAction, memberAction } from "@/lib/actions/client";
import { deleteMySavedExMessage, readExMessage, readMessageSchema } from "@/lib/ex-reply/member";

// Pasted words arrive here by POST only: never in an address, where logs and history would keep them.
export const readMessageAction = dojoAction(readMessageSchema, async ({ input, actor }) => {
  const outcome = await readExMessage(actor, input);
  if (!outcome.ok) return outcome;
  if (outcome.savedId) revalidatePath("/dojo/ex-reached-out");
  // The words go back to the form that sent them, so the box still holds them after the read.
  return { ok: true, data: { danger: outcome.danger, notes: outcome.notes, saved: outcome.savedId !== null, message: input.message } };
});

// Like check-ins, a member deletes what they kept even after their membership ends.
export const deleteSavedMessageAction = memberAction(z.object({ id: z.string() }), async ({ input, actor }) => {
  // Someone else's message and one already gone get the same answer.
  if (!(await deleteMySavedExMessage(actor, input.id))) return { ok: false, error: "That message doesn’t exist, or it was already deleted." };
  revalidatePath("/dojo/ex-reached-out");
  return { ok: true, message: "Deleted." };
});
