"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { publicAction } from "@/lib/actions/client";
import { emailSchema, requestEmailLink } from "@/lib/auth/email-link";
import { clientIp } from "@/lib/http/client-ip";

// Public: the rate limits and the safe return address are checked in lib/.
const signInInput = z.object({ email: emailSchema, callbackUrl: z.string().max(2000).optional() });

export const requestLinkAction = publicAction(signInInput, async ({ input }) => {
  const outcome = await requestEmailLink({ email: input.email, ip: clientIp(await headers()), callbackUrl: input.callbackUrl ?? "" });
  if (!outcome.ok) return { ok: false, error: outcome.message, fieldErrors: { email: outcome.message } };
  redirect("/signin/sent");
});
