// The coach queue (reviewQueue, what /coach/check-ins runs: a page of 50
// waiting check-ins, urgent first, then oldest, with each member's email) with a
// million check-ins, 2 % waiting: p50/p95 over many runs and the query plan, on
// PostgreSQL (the benchmark's seeded database) and on PGlite (generated with
// the same SQL). The queue's "All" view (newest first, across ~85 % of the
// table) is timed and its plan checked too. Each runs in a worker process with
// the app's own code; see bench/workers/coach-queue.ts.
import os from "node:os";
import path from "node:path";
import type { Check, SectionResult } from "../lib/report";
import { runToEnd, tsWorker } from "../lib/procs";
import { ALL_CPUS } from "../lib/stack";
import { round } from "../lib/stats";

interface Plan {
  sql: string;
  plan: string;
  planText: string;
  usesIndex: boolean;
  orderedByIndex: boolean;
}

interface QueueResult extends Plan {
  mode: string;
  checkins: number;
  waiting: number;
  firstPage: number;
  answeredPlan: Plan;
  p50: number;
  p95: number;
  /** `select 1` timed in turn with the queue: the machine's and the driver's floor. */
  floorP50: number;
  floorP95: number;
  answeredP50: number;
  answeredP95: number;
  setup: Record<string, number>;
}

// An index that only filters still sorts every match: the plan must read the index in the page's order.
const planCheck = (what: string, p: Plan, index: string): Check => ({
  what,
  raw: p.orderedByIndex ? "ordered index scan" : p.usesIndex ? "index, then sort" : "no index",
  target: `reads ${index} in order`,
  holds: p.orderedByIndex,
  correctness: true,
  note: p.plan,
});

async function runWorker(mode: "postgres" | "pglite", env: Record<string, string>): Promise<QueueResult> {
  // Both cores, as the app's own process would have: pinned to the runner's core, the worker's main
  // thread shared it with its GC threads, and PGlite's p50 came out ~1.6× the unpinned figure.
  const out = await runToEnd(`coach-queue-${mode}`, ...tsWorker(process.cwd(), "bench/workers/coach-queue.ts"), {
    cpus: ALL_CPUS,
    env: { NODE_ENV: "test", BENCH_QUEUE_MODE: mode, ...env },
  });
  const line = out.split("\n").find((l) => l.startsWith("RESULT "));
  if (!line) throw new Error(`the ${mode} queue worker printed no result:\n${out.slice(-2000)}`);
  return JSON.parse(line.slice(7)) as QueueResult;
}

export async function measureCoachQueue(input: { databaseUrl: string; migrations: string; pgliteCheckins: number; runs: number; phase: (n: string) => void }): Promise<SectionResult> {
  const started = performance.now();
  input.phase("coach-queue:postgres");
  const pg = await runWorker("postgres", { DATABASE_URL: input.databaseUrl, BENCH_QUEUE_RUNS: String(input.runs) });
  input.phase("coach-queue:pglite");
  const pglite = await runWorker("pglite", {
    BENCH_PGLITE_DIR: path.join(os.tmpdir(), `dojo-bench-pglite-${process.pid}`),
    BENCH_CHECKINS: String(input.pgliteCheckins),
    BENCH_MIGRATIONS: input.migrations,
    BENCH_QUEUE_RUNS: String(input.runs),
  });
  input.phase("idle");
  const row = (r: QueueResult): Check[] => [
    {
      what: `${r.mode}: select 1 (control)`,
      raw: round(r.floorP95, 2),
      unit: "ms",
      target: "(control)",
      holds: null,
      note: `p50 ${round(r.floorP50, 2)} ms; timed in turn with the queue query, so its tail is the machine's and the driver's, not the query's`,
    },
    {
      what: `${r.mode}: queue p95`,
      raw: round(r.p95, 2),
      unit: "ms",
      target: "≤ 5 ms",
      holds: r.p95 <= 5,
      note: `p50 ${round(r.p50, 2)} ms over ${input.runs} runs of the first page (${r.firstPage} rows); ${r.checkins.toLocaleString("en")} check-ins, ${r.waiting.toLocaleString("en")} waiting`,
    },
    planCheck(`${r.mode}: plan`, r, "checkins_queue_idx"),
    {
      what: `${r.mode}: "All" view p95`,
      raw: round(r.answeredP95, 2),
      unit: "ms",
      target: "(informational)",
      holds: null,
      note: `p50 ${round(r.answeredP50, 2)} ms; newest first across every shared check-in`,
    },
    planCheck(`${r.mode}: "All" view plan`, r.answeredPlan, "checkins_shared_idx"),
  ];
  const checks: Check[] = [
    ...row(pg),
    ...row(pglite),
    {
      what: "PGlite vs PostgreSQL (p95)",
      raw: round(pglite.p95, 2),
      unit: "ms",
      control: round(pg.p95, 2),
      controlName: "PostgreSQL",
      ratio: round(pglite.p95 / pg.p95, 2),
      target: "≤ 3× PostgreSQL",
      holds: pglite.p95 <= 3 * pg.p95,
      note: `PGlite setup: ${Object.entries(pglite.setup).map(([k, v]) => `${k} ${v}`).join(", ")}`,
    },
  ];
  return { name: "Coach queue", seconds: (performance.now() - started) / 1000, checks, details: { postgres: pg, pglite } };
}
