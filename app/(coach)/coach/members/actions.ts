"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { adminAction } from "@/lib/actions/client";
import { rowId } from "@/lib/actions/fields";
import { grantComp, grantCompSchema, revokeComp } from "@/lib/members";

export const grantCompAction = adminAction(grantCompSchema, async ({ input, actor }) => {
  const outcome = await grantComp(actor, input);
  if (!outcome.ok) return outcome;
  revalidatePath("/coach/members");
  return { ok: true, message: "Free access granted." };
});

export const revokeCompAction = adminAction(z.object({ compId: rowId() }), async ({ input, actor }) => {
  const outcome = await revokeComp(actor, input.compId);
  revalidatePath("/coach/members");
  if (!outcome.ok) return { ok: false, error: "That free access had already ended." };
});
