import "server-only";
import { and, gte, lt, sql } from "drizzle-orm";
import type { FunnelStep } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/current-user";
import { assertCoach } from "@/lib/auth/guards";
import { getDb, tables } from "@/lib/db";
import { currentDefinition, getDefinition } from "@/lib/quiz/definitions";
import { percent, type DataTable } from "./table";
import type { DayRange } from "./zone";

/** The funnel's steps as the dashboard names them, in order ("answered" is per question, below). */
export const STEP_LABELS: [FunnelStep, string][] = [
  ["started", "Quiz started"],
  ["completed", "Quiz finished"],
  ["result_viewed", "Result viewed"],
  ["dojo_clicked", "“See the Dojo” clicked"],
  ["signed_up", "Signed up"],
  ["checkout_started", "Checkout started"],
  ["trial_started", "Trial started"],
  ["paid", "First payment"],
];

export interface FunnelReport {
  steps: { step: FunnelStep; label: string; count: number }[];
  tables: DataTable[];
}

/**
 * The funnel for a period, from the hourly counters (funnel_counts): one grouped read,
 * whatever the number of events behind it. Coaches and admins.
 */
export async function funnelReport(actor: CurrentUser, range: DayRange): Promise<FunnelReport> {
  assertCoach(actor);
  const db = await getDb();
  const f = tables.funnelCounts;
  const rows = await db
    .select({ step: f.step, version: f.definitionVersion, questionId: f.questionId, prescriptionId: f.prescriptionId, n: sql<number>`sum(${f.count})::int` })
    .from(f)
    .where(and(gte(f.hour, range.start), lt(f.hour, range.end)))
    .groupBy(f.step, f.definitionVersion, f.questionId, f.prescriptionId);

  const total = (step: FunnelStep) => rows.filter((r) => r.step === step).reduce((n, r) => n + r.n, 0);
  const steps = STEP_LABELS.map(([step, label]) => ({ step, label, count: total(step) }));
  const first = steps[0]!.count;
  const funnel: DataTable = {
    id: "funnel",
    title: "The funnel",
    columns: ["Step", "Count", "% of quiz starts", "% of the step before"],
    rows: steps.map((s, i) => [s.label, s.count, percent(s.count, first), i === 0 ? null : percent(s.count, steps[i - 1]!.count)]),
  };

  // Drop-off per question, per definition version: how many of that version's starts answered each question.
  const versions = [...new Set(rows.filter((r) => r.step === "started" || r.step === "answered").map((r) => r.version))].sort((a, b) => a - b);
  const questionRows = versions.flatMap((v) => {
    const def = getDefinition(v);
    const started = rows.filter((r) => r.step === "started" && r.version === v).reduce((n, r) => n + r.n, 0);
    const finished = rows.filter((r) => r.step === "completed" && r.version === v).reduce((n, r) => n + r.n, 0);
    const answered = (q: string) => rows.filter((r) => r.step === "answered" && r.version === v && r.questionId === q).reduce((n, r) => n + r.n, 0);
    const ids = def ? def.questions.map((q) => q.id) : [...new Set(rows.filter((r) => r.version === v && r.questionId).map((r) => r.questionId))];
    // "Fewer than the step before" only between steps everyone meets: a question shown to some
    // (showIf) is not a drop from the one before it, so there it stays empty.
    let before: number | null = started;
    const perQuestion = ids.map((id) => {
      const n = answered(id);
      const question = def?.questions.find((q) => q.id === id);
      const everyone = question !== undefined && question.showIf === undefined;
      const row = [`v${v}`, question?.prompt ?? id, n, percent(n, started), everyone && before !== null ? before - n : null];
      before = everyone ? n : null;
      return row;
    });
    return [[`v${v}`, "Started", started, percent(started, started), null], ...perQuestion, [`v${v}`, "Finished", finished, percent(finished, started), before === null ? null : before - finished]];
  });
  const questions: DataTable = {
    id: "questions",
    title: "Question by question",
    columns: ["Version", "Question", "Answered", "% of starts", "Fewer than the step before (questions everyone sees)"],
    rows: questionRows,
  };

  // Which prescriptions lead to joining: counted by the prescription each step carried.
  const names = new Map<string, string>();
  for (const v of [...versions, currentDefinition.version]) for (const p of getDefinition(v)?.prescriptions ?? []) names.set(p.id, p.title);
  const byRx = (step: FunnelStep, id: string) => rows.filter((r) => r.step === step && r.prescriptionId === id).reduce((n, r) => n + r.n, 0);
  const rxIds = [...new Set(rows.filter((r) => r.prescriptionId).map((r) => r.prescriptionId))].sort((a, b) => byRx("completed", b) - byRx("completed", a) || a.localeCompare(b));
  const prescriptions: DataTable = {
    id: "prescriptions",
    title: "Conversion by prescription",
    columns: ["Prescription", "Finished with it", "Clicked “see the Dojo”", "Kept it at sign-up", "Checkouts", "Trials", "Paid", "% paid of finished"],
    rows: rxIds.map((id) => {
      const done = byRx("completed", id);
      const paid = byRx("paid", id);
      return [names.get(id) ?? id, done, byRx("dojo_clicked", id), byRx("claimed", id), byRx("checkout_started", id), byRx("trial_started", id), paid, percent(paid, done)];
    }),
  };
  return { steps, tables: [funnel, questions, prescriptions] };
}
