"use server";

import { redirect } from "next/navigation";
import { publicAction } from "@/lib/actions/client";
import { buyInput, startProductCheckout } from "@/lib/products/checkout";

/** Signed in or not: a member gives nothing more, anyone else an email for the receipt and the library link. */
export const buyProductAction = publicAction(buyInput, async ({ input, actor }) => {
  const outcome = await startProductCheckout(actor, input);
  if (!outcome.ok) return outcome;
  redirect(outcome.kind === "owned" ? "/account/library?notice=owned" : outcome.url);
});
