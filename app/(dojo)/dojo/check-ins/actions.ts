"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/current-user";
import { deleteMyCheckin, logContactEvent, saveDraft, submitCheckin } from "@/lib/checkins/member";

export interface DraftPayload {
  happened: string;
  win: string;
  hard: string;
  question: string;
  mood: number | null;
}

export type DraftSaveResult = { ok: true; savedAt: string } | { ok: false; signedOut?: boolean; error: string };

/** Autosave. Never throws: the form keeps the text whatever happens and tells the member. */
export async function saveDraftAction(draft: DraftPayload): Promise<DraftSaveResult> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, signedOut: true, error: "You’ve been signed out. Your words are kept on this device." };
  const outcome = await saveDraft(user, draft);
  return outcome.ok && outcome.savedAt ? { ok: true, savedAt: outcome.savedAt.toISOString() } : { ok: false, error: outcome.error ?? "Not saved." };
}

export interface SubmitState {
  error?: string;
  signedOut?: boolean;
}

export async function submitCheckinAction(_prev: SubmitState, form: FormData): Promise<SubmitState> {
  const user = await getCurrentUser();
  if (!user) return { signedOut: true, error: "You’ve been signed out, so this wasn’t sent. Nothing is lost: sign in again in a new tab, then press Send here." };
  const outcome = await submitCheckin(user, {
    mood: form.get("mood"),
    sendTo: form.get("sendTo"),
    happened: form.get("happened") ?? "",
    win: form.get("win") ?? "",
    hard: form.get("hard") ?? "",
    question: form.get("question") ?? "",
  });
  if (!outcome.ok) return { error: outcome.error };
  revalidatePath("/dojo/check-ins");
  redirect(`/dojo/check-ins/${outcome.id}?sent=1`);
}

export async function deleteCheckinAction(form: FormData) {
  const user = await getCurrentUser();
  if (user) await deleteMyCheckin(user, String(form.get("id") ?? ""));
  revalidatePath("/dojo/check-ins");
  redirect("/dojo/check-ins?deleted=1");
}

export interface ContactState {
  error?: string;
  done?: boolean;
}

export async function logContactAction(_prev: ContactState, form: FormData): Promise<ContactState> {
  const user = await getCurrentUser();
  if (!user) return { error: "Please sign in again." };
  const outcome = await logContactEvent(user, { kind: form.get("kind"), onDate: form.get("onDate"), restart: form.get("restart") === "yes" });
  if (!outcome.ok) return { error: outcome.error };
  revalidatePath("/dojo/check-ins");
  revalidatePath("/dojo");
  return { done: true };
}
