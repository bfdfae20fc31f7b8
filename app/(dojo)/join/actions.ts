"use server";

import { redirect } from "next/navigation";
import { requireSignedInUser } from "@/lib/auth/current-user";
import { startCheckout } from "@/lib/billing/checkout";
import { keepQuizResult } from "@/lib/quiz/results";

export async function continueToCheckout(form: FormData) {
  const user = await requireSignedInUser();
  const result = String(form.get("result") ?? "");
  if (result && form.get("keep") === "yes") await keepQuizResult(user, result);
  redirect(await startCheckout(user, String(form.get("plan") ?? "")));
}
