"use server";

import { revalidatePath } from "next/cache";
import { requireSignedInUser } from "@/lib/auth/current-user";
import { setLessonDone, setNoContactStart } from "@/lib/lessons/member";

export async function markLessonAction(form: FormData) {
  const user = await requireSignedInUser();
  const slug = String(form.get("slug") ?? "");
  await setLessonDone(user, slug, form.get("done") === "yes");
  revalidatePath(`/dojo/lessons/${slug}`);
  revalidatePath("/dojo");
}

export interface NoContactState {
  error?: string;
}

export async function noContactAction(_prev: NoContactState, form: FormData): Promise<NoContactState> {
  const user = await requireSignedInUser();
  const clear = form.get("intent") === "clear";
  const outcome = await setNoContactStart(user, clear ? null : String(form.get("start") ?? ""));
  if (!outcome.ok) return { error: outcome.error };
  revalidatePath("/dojo");
  return {};
}
