"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { dojoAction } from "@/lib/actions/client";
import { checkbox } from "@/lib/actions/fields";
import { lessonsChoice, setLessonDone, setNoContactStart } from "@/lib/lessons/member";

const markLessonInput = z.object({ slug: z.string().min(1).max(200), done: checkbox() });

export const markLessonAction = dojoAction(markLessonInput, async ({ input, actor }) => {
  await setLessonDone(actor, input.slug, input.done);
  revalidatePath(`/dojo/lessons/${input.slug}`);
  revalidatePath("/dojo");
});

const noContactInput = z.object({
  intent: z.enum(["set", "clear"]).default("set"),
  start: z.string().optional(),
  // Only asked when the date moves and some lessons count from it; lib/ says when it is missing.
  lessons: lessonsChoice.optional(),
});

export const noContactAction = dojoAction(noContactInput, async ({ input, actor }) => {
  const outcome = await setNoContactStart(actor, input.intent === "clear" ? null : (input.start ?? ""), input.lessons);
  if (!outcome.ok) return outcome;
  revalidatePath("/dojo");
});
