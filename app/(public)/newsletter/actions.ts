"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { clientIp } from "@/lib/http/client-ip";
import { confirmSignup, requestSignup, resubscribeWithToken, unsubscribeWithToken } from "@/lib/newsletter/subscribers";

// Public endpoints: everything they need is checked in lib/ (signed tokens, rate limits).

export interface SignupFormState {
  status: "idle" | "sent" | "error";
  message?: string;
  email?: string;
}

export async function signupAction(_prev: SignupFormState, form: FormData): Promise<SignupFormState> {
  const email = String(form.get("email") ?? "");
  const outcome = await requestSignup({ email, source: form.get("source"), ip: clientIp(await headers()) });
  if (!outcome.ok) return { status: "error", message: outcome.message, email };
  return { status: "sent", email: email.trim() };
}

const manage = (token: string, params: Record<string, string>) => `/newsletter/manage?${new URLSearchParams({ token, ...params })}`;

export async function confirmAction(form: FormData) {
  const result = await confirmSignup(form.get("token"));
  if (!result.ok) redirect(`/newsletter/confirm?${new URLSearchParams({ token: String(form.get("token") ?? "") })}`);
  redirect(manage(result.manageToken, { done: "confirmed" }));
}

export async function unsubscribeAction(form: FormData) {
  const token = String(form.get("token") ?? "");
  const ok = await unsubscribeWithToken(token);
  redirect(manage(token, ok ? { done: "unsubscribed" } : {}));
}

export async function resubscribeAction(form: FormData) {
  const token = String(form.get("token") ?? "");
  const ok = await resubscribeWithToken(token);
  redirect(manage(token, ok ? { done: "resubscribed" } : {}));
}
