// The owner's dashboard (/coach for an admin: funnel, money, care, newsletter) at the benchmark's
// volume plus 2,000,000 funnel events: p95 of everything the page reads, on PostgreSQL (the seeded
// database) and PGlite (the same statements, in process). Each in a worker with the app's own
// code; see bench/workers/dashboard.ts.
import os from "node:os";
import path from "node:path";
import type { Volume } from "../lib/database";
import type { Check, SectionResult } from "../lib/report";
import { runToEnd, tsWorker } from "../lib/procs";
import { ALL_CPUS } from "../lib/stack";
import { round } from "../lib/stats";

interface DashboardResult {
  mode: string;
  zone: string;
  p50: number;
  p95: number;
  floorP50: number;
  floorP95: number;
  sevenP95: number;
  ninetyP95: number;
  sections: Record<string, number>;
  rows: Record<string, number>;
  funnelStarts: number;
  setup: Record<string, number>;
}

const ZONE = "Europe/Berlin";

async function runWorker(mode: "postgres" | "pglite", env: Record<string, string>): Promise<DashboardResult> {
  const out = await runToEnd(`dashboard-${mode}`, ...tsWorker(process.cwd(), "bench/workers/dashboard.ts"), {
    cpus: ALL_CPUS,
    env: { NODE_ENV: "test", BENCH_DASHBOARD_MODE: mode, DASHBOARD_TIME_ZONE: ZONE, ...env },
  });
  const line = out.split("\n").find((l) => l.startsWith("RESULT "));
  if (!line) throw new Error(`the ${mode} dashboard worker printed no result:\n${out.slice(-2000)}`);
  return JSON.parse(line.slice(7)) as DashboardResult;
}

export async function measureDashboard(input: { databaseUrl: string; migrations: string; volume: Volume; runs: number; phase: (n: string) => void }): Promise<SectionResult> {
  const started = performance.now();
  input.phase("dashboard:postgres");
  const pg = await runWorker("postgres", { DATABASE_URL: input.databaseUrl, BENCH_DASHBOARD_RUNS: String(input.runs) });
  input.phase("dashboard:pglite");
  const pglite = await runWorker("pglite", {
    BENCH_PGLITE_DIR: path.join(os.tmpdir(), `dojo-bench-dashboard-${process.pid}`),
    BENCH_VOLUME: JSON.stringify(input.volume),
    BENCH_MIGRATIONS: input.migrations,
    BENCH_DASHBOARD_RUNS: String(input.runs),
  });
  input.phase("idle");
  const volumeNote = (r: DashboardResult) =>
    `${r.rows.quizEvents?.toLocaleString("en")} funnel events in ${r.rows.funnelCounts?.toLocaleString("en")} hourly counters, ${r.rows.checkins?.toLocaleString("en")} check-ins, ${r.rows.users?.toLocaleString("en")} people; days in ${r.zone}`;
  const row = (r: DashboardResult, target: number, targetText: string): Check[] => [
    {
      what: `${r.mode}: select 1 (control)`,
      raw: round(r.floorP95, 2),
      unit: "ms",
      target: "(control)",
      holds: null,
      note: `p50 ${round(r.floorP50, 2)} ms, timed in turn with the dashboard`,
    },
    {
      what: `${r.mode}: dashboard, last 30 days, p95`,
      raw: round(r.p95, 1),
      unit: "ms",
      target: targetText,
      holds: r.p95 <= target,
      note: `p50 ${round(r.p50, 1)} ms over ${input.runs} runs; ${volumeNote(r)}`,
    },
    {
      what: `${r.mode}: 7 and 90 days, p95`,
      raw: `${round(r.sevenP95, 1)} / ${round(r.ninetyP95, 1)}`,
      unit: "ms",
      target: "(informational)",
      holds: null,
      note: `each section alone (30 days, p95): ${Object.entries(r.sections).map(([k, v]) => `${k} ${round(v, 1)} ms`).join(", ")}`,
    },
    {
      what: `${r.mode}: the funnel counted every start`,
      raw: r.funnelStarts,
      target: "> 0",
      holds: r.funnelStarts > 0,
      correctness: true,
    },
  ];
  const checks: Check[] = [
    ...row(pg, 100, "≤ 100 ms"),
    ...row(pglite, 3 * pg.p95, "≤ 3× PostgreSQL"),
    {
      what: "PGlite vs PostgreSQL (p95)",
      raw: round(pglite.p95, 1),
      unit: "ms",
      control: round(pg.p95, 1),
      controlName: "PostgreSQL",
      ratio: round(pglite.p95 / pg.p95, 2),
      target: "≤ 3× PostgreSQL",
      holds: pglite.p95 <= 3 * pg.p95,
      note: `PGlite setup: ${Object.entries(pglite.setup).map(([k, v]) => `${k} ${v}`).join(", ")}`,
    },
  ];
  return { name: "Owner's dashboard", seconds: (performance.now() - started) / 1000, checks, details: { postgres: pg, pglite } };
}
