import "server-only";
import { z } from "zod";
import { getDb, tables } from "@/lib/db";
import { getDefinition } from "./definitions";

export const funnelEventSchema = z.strictObject({
  type: z.enum(["started", "answered", "result_viewed"]),
  version: z.number().int().positive(),
  questionId: z.string().max(64).optional(),
});
export type FunnelEvent = z.infer<typeof funnelEventSchema>;

/**
 * Records one anonymous funnel step. Only the step and the definition version
 * are kept — no answer, no visitor id — which is enough to count drop-off per
 * question. Events naming an unknown version or question are ignored.
 */
export async function recordFunnelEvent(event: FunnelEvent): Promise<boolean> {
  const def = getDefinition(event.version);
  if (!def) return false;
  if (event.type === "answered" && !def.questions.some((q) => q.id === event.questionId)) return false;
  const db = await getDb();
  await db.insert(tables.quizEvents).values({
    type: event.type,
    definitionVersion: event.version,
    questionId: event.type === "answered" ? event.questionId : null,
  });
  return true;
}
