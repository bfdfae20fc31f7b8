"use server";

import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { deleteMyAccount } from "@/lib/account/data";
import { memberAction, publicAction } from "@/lib/actions/client";
import { checkbox } from "@/lib/actions/fields";
import { SESSION_COOKIES } from "@/lib/auth/session-cookie";
import { endAllSessions } from "@/lib/auth/current-user";
import { signOut } from "@/lib/auth/next-auth";
import { openBillingPortal } from "@/lib/billing/checkout";
import { setMemberNewsletter } from "@/lib/newsletter/subscribers";

const nothing = z.object({});

// Anyone may sign out, even with a session that has already ended.
export const signOutAction = publicAction(nothing, async () => {
  await signOut({ redirectTo: "/" });
});

export const signOutEverywhereAction = memberAction(nothing, async ({ actor }) => {
  await endAllSessions(actor);
  await signOut({ redirectTo: "/signin?signedOut=all" });
});

export const manageBillingAction = memberAction(nothing, async ({ actor }) => {
  redirect(await openBillingPortal(actor));
});

export const deleteAccountAction = memberAction(z.object({ confirmEmail: z.string().max(320) }), async ({ input, actor }) => {
  const outcome = await deleteMyAccount(actor, input.confirmEmail);
  if (!outcome.ok) return outcome;
  const jar = await cookies();
  for (const name of SESSION_COOKIES) jar.delete(name);
  redirect("/?accountDeleted=1");
});

/** Turns the letters on or off for the member's own address. Signing in proved it's theirs, so no confirmation email. */
export const setNewsletterAction = memberAction(z.object({ subscribe: checkbox() }), async ({ input, actor }) => {
  await setMemberNewsletter(actor, input.subscribe);
  revalidatePath("/account");
});
