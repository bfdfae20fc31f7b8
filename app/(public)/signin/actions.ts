"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { requestEmailLink } from "@/lib/auth/email-link";
import { clientIp } from "@/lib/http/client-ip";

export interface SignInFormState {
  error?: string;
  email?: string;
}

// A server action is a public endpoint: everything it needs is checked in lib/.
export async function requestLinkAction(_prev: SignInFormState, form: FormData): Promise<SignInFormState> {
  const email = String(form.get("email") ?? "");
  const outcome = await requestEmailLink({
    email,
    ip: clientIp(await headers()),
    callbackUrl: String(form.get("callbackUrl") ?? ""),
  });
  if (!outcome.ok) return { error: outcome.message, email };
  redirect("/signin/sent");
}
