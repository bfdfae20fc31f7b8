"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { publicAction } from "@/lib/actions/client";
import { emailSchema } from "@/lib/auth/email-link";
import { clientIp } from "@/lib/http/client-ip";
import { confirmSignup, requestSignup, resubscribeWithToken, unsubscribeWithToken } from "@/lib/newsletter/subscribers";

// Public endpoints: the signed tokens and the rate limits are checked in lib/.

const signupInput = z.object({ email: emailSchema, source: z.string().max(40).optional() });

export const signupAction = publicAction(signupInput, async ({ input }) => {
  const outcome = await requestSignup({ email: input.email, source: input.source, ip: clientIp(await headers()) });
  if (!outcome.ok) return { ok: false, error: outcome.message, fieldErrors: { email: outcome.message } };
  return { ok: true, data: { email: input.email } };
});

const tokenInput = z.object({ token: z.string().max(500) });
const manage = (token: string, params: Record<string, string>) => `/newsletter/manage?${new URLSearchParams({ token, ...params })}`;

export const confirmAction = publicAction(tokenInput, async ({ input }) => {
  const result = await confirmSignup(input.token);
  if (!result.ok) redirect(`/newsletter/confirm?${new URLSearchParams({ token: input.token })}`);
  redirect(manage(result.manageToken, { done: "confirmed" }));
});

export const unsubscribeAction = publicAction(tokenInput, async ({ input }) => {
  const ok = await unsubscribeWithToken(input.token);
  redirect(manage(input.token, ok ? { done: "unsubscribed" } : {}));
});

export const resubscribeAction = publicAction(tokenInput, async ({ input }) => {
  const ok = await resubscribeWithToken(input.token);
  redirect(manage(input.token, ok ? { done: "resubscribed" } : {}));
});
