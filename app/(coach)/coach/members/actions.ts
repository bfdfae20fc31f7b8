"use server";

import { revalidatePath } from "next/cache";
import { requireAdminUser } from "@/lib/auth/current-user";
import { grantComp, revokeComp } from "@/lib/members";

export interface CompFormState {
  error?: string;
  done?: boolean;
}

export async function grantCompAction(_prev: CompFormState, form: FormData): Promise<CompFormState> {
  const admin = await requireAdminUser();
  const outcome = await grantComp(admin, { userId: form.get("userId"), endsOn: form.get("endsOn"), note: form.get("note") ?? undefined });
  if (!outcome.ok) return { error: outcome.error };
  revalidatePath("/coach/members");
  return { done: true };
}

export async function revokeCompAction(form: FormData) {
  const admin = await requireAdminUser();
  await revokeComp(admin, Number(form.get("compId")));
  revalidatePath("/coach/members");
}
