import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { FunnelStep } from "@/db/schema";
import { columnName, getDb, tables, type Db } from "@/lib/db";
import { hourStart } from "@/lib/dashboard/zone";
import { getDefinition } from "./definitions";

export const funnelEventSchema = z.strictObject({
  type: z.enum(["started", "answered", "result_viewed"]),
  version: z.number().int().positive(),
  questionId: z.string().max(64).optional(),
});
export type FunnelEvent = z.infer<typeof funnelEventSchema>;

export interface FunnelStepRecord {
  step: FunnelStep;
  /** The quiz definition version, for the quiz's own steps. */
  version?: number;
  questionId?: string | null;
  /** Which prescription the visitor or member came with, if any (one of a handful of ids: nothing personal). */
  prescriptionId?: string | null;
  at?: Date;
}

/**
 * One statement that stores a funnel step and adds one to its hourly counter, so the
 * counter can never disagree with the events however many servers write at once.
 * Run it on a transaction to tie the step to the change that caused it.
 */
export async function recordFunnelStep(executor: Pick<Db, "execute">, r: FunnelStepRecord): Promise<void> {
  const e = tables.quizEvents;
  const f = tables.funnelCounts;
  const at = r.at ?? new Date();
  const hour = hourStart(at);
  const version = r.version ?? 0;
  await executor.execute(sql`with event as (
      insert into ${e} (${columnName(e.type)}, ${columnName(e.definitionVersion)}, ${columnName(e.questionId)}, ${columnName(e.prescriptionId)}, ${columnName(e.createdAt)})
      values (${r.step}, ${version}, ${r.questionId ?? null}, ${r.prescriptionId ?? null}, ${at.toISOString()}::timestamptz))
    insert into ${f} (${columnName(f.hour)}, ${columnName(f.step)}, ${columnName(f.definitionVersion)}, ${columnName(f.questionId)}, ${columnName(f.prescriptionId)}, ${columnName(f.count)})
    values (${hour}::timestamptz, ${r.step}, ${version}, ${r.questionId ?? ""}, ${r.prescriptionId ?? ""}, 1)
    on conflict (${columnName(f.hour)}, ${columnName(f.step)}, ${columnName(f.definitionVersion)}, ${columnName(f.questionId)}, ${columnName(f.prescriptionId)})
    do update set ${columnName(f.count)} = ${f}.${columnName(f.count)} + 1`);
}

/**
 * Records one anonymous step of the quiz itself. Only the step and the definition version
 * are kept — no answer, no visitor id — which is enough to count drop-off per question.
 * Events naming an unknown version or question are ignored.
 */
export async function recordFunnelEvent(event: FunnelEvent, prescriptionId: string | null = null): Promise<boolean> {
  const def = getDefinition(event.version);
  if (!def) return false;
  if (event.type === "answered" && !def.questions.some((q) => q.id === event.questionId)) return false;
  await recordFunnelStep(await getDb(), { step: event.type, version: event.version, questionId: event.type === "answered" ? event.questionId : null, prescriptionId });
  return true;
}
