"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { deleteMyAccount } from "@/lib/account/data";
import { SESSION_COOKIES } from "@/lib/auth/session-cookie";
import { endAllSessions, getCurrentUser, requireSignedInUser } from "@/lib/auth/current-user";
import { signOut } from "@/lib/auth/next-auth";
import { openBillingPortal } from "@/lib/billing/checkout";

export async function signOutAction() {
  await signOut({ redirectTo: "/" });
}

export async function signOutEverywhereAction() {
  const user = await requireSignedInUser();
  await endAllSessions(user);
  await signOut({ redirectTo: "/signin?signedOut=all" });
}

export async function manageBillingAction() {
  const user = await requireSignedInUser();
  redirect(await openBillingPortal(user));
}

export interface DeleteState {
  error?: string;
}

export async function deleteAccountAction(_prev: DeleteState, form: FormData): Promise<DeleteState> {
  const user = await getCurrentUser();
  if (!user) return { error: "Please sign in again first." };
  const outcome = await deleteMyAccount(user, String(form.get("confirmEmail") ?? ""));
  if (!outcome.ok) return { error: outcome.error };
  const jar = await cookies();
  for (const name of SESSION_COOKIES) jar.delete(name);
  redirect("/?accountDeleted=1");
}
