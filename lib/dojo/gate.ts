import "server-only";
import { redirect } from "next/navigation";
import { requireUser, type CurrentUser } from "@/lib/auth/current-user";
import type { Access } from "@/lib/billing/access";
import { getAccess } from "@/lib/billing/subscriptions";

/**
 * Every Dojo page calls this itself (a layout is not a security boundary):
 * anonymous → sign in and come back; signed in without access → pricing.
 */
export async function requireDojoAccess(returnTo: string): Promise<{ user: CurrentUser; access: Access & { allowed: true } }> {
  const user = await requireUser(returnTo);
  const access = await getAccess(user.id);
  if (!access.allowed) redirect(`/pricing?${new URLSearchParams({ from: "dojo", reason: access.reason })}`);
  return { user, access };
}
