"use server";

import { redirect } from "next/navigation";
import { endAllSessions, requireSignedInUser } from "@/lib/auth/current-user";
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
