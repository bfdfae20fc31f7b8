"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { memberAction } from "@/lib/actions/client";
import { checkbox } from "@/lib/actions/fields";
import { startCheckout } from "@/lib/billing/checkout";
import { keepQuizResult } from "@/lib/quiz/results";

const checkoutInput = z.object({ plan: z.string().max(64), result: z.string().max(200).optional(), keep: checkbox() });

export const continueToCheckout = memberAction(checkoutInput, async ({ input, actor }) => {
  if (input.result && input.keep) await keepQuizResult(actor, input.result);
  redirect(await startCheckout(actor, input.plan));
});
