// Public pages under Lighthouse (mobile, the default config: a simulated
// mid-range phone on slow 4G), the median of N runs, beside a plain static HTML
// page served by the same server — the best score this machine gives right now —
// and an empty page of the same build: the floor any page of this stack starts
// from (the framework's JavaScript, which Lighthouse's simulated LCP counts as
// blocking whenever it has loaded before the page paints; each LCP row says how much had). Runs are interleaved (control, pages, control, pages…) so a noisy moment hits
// every page alike. Also counts database transactions per view, to show which
// public pages are static or cached.
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { CHROMIUM_FLAGS, CHROMIUM_PATH, assertChromium } from "../lib/chromium";
import type { Check, SectionResult } from "../lib/report";
import { pinTree } from "../lib/procs";
import { ALL_CPUS } from "../lib/stack";
import { median, round } from "../lib/stats";
import type { Sql } from "../lib/database";

interface Run {
  performance: number;
  accessibility: number;
  bestPractices: number;
  lcpMs: number;
  cls: number;
  fcpMs: number;
  tbtMs: number;
  /** The unthrottled load's first contentful paint, which Lantern's LCP estimate is cut at. */
  observedPaintMs: number;
  /** Script bytes (transferred) that finished loading before that paint: Lantern counts them as blocking LCP. */
  scriptKbBeforePaint: number;
  /** Lighthouse's estimate of this host's CPU speed (its 4× CPU slowdown assumes a fast desktop, ~1500–2000). */
  benchmarkIndex: number;
  failing: string[];
  /** Each layout shift in the trace, when there was one: where the moved boxes were and went (CSS px). */
  shifts: string[];
}

export interface PublicPagesInput {
  appUrl: string;
  runs: number;
  /** The public pages to measure, by label and path; `lighthouse: false` skips the Lighthouse runs (smoke). */
  pages: { label: string; path: string; lighthouse?: boolean }[];
  controlPath: string;
  /** Views per page for the database check. */
  views: number;
  /** An empty page of the same build (framework only). */
  floorPath: string;
  admin: Sql;
  databaseName: string;
}

const CATEGORIES = ["performance", "accessibility", "best-practices"];

async function audit(url: string, port: number): Promise<Run> {
  // BENCH_LH_THROTTLING=devtools: a real throttled load instead of Lighthouse's simulation (see README).
  const throttlingMethod = process.env.BENCH_LH_THROTTLING === "devtools" ? ("devtools" as const) : undefined;
  const result = await lighthouse(url, { port, output: "json", logLevel: "error", onlyCategories: CATEGORIES, throttlingMethod });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message} (${url})`);
  const score = (id: string) => lhr.categories[id]?.score ?? NaN;
  const num = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
  // What cost points: every weighted audit below a full score, for the JSON file and the notes.
  const failing = CATEGORIES.flatMap((cat) =>
    (lhr.categories[cat]?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
      .map((ref) => `${cat}:${ref.id}`),
  );
  const observedPaintMs = Number((lhr.audits.metrics?.details as { items?: { observedFirstContentfulPaint?: number }[] } | undefined)?.items?.[0]?.observedFirstContentfulPaint ?? NaN);
  const requests = (lhr.audits["network-requests"]?.details as { items?: { resourceType?: string; networkEndTime?: number; transferSize?: number }[] } | undefined)?.items ?? [];
  const scriptBytesBeforePaint = requests
    .filter((r) => r.resourceType === "Script" && (r.networkEndTime ?? Infinity) <= observedPaintMs)
    .reduce((sum, r) => sum + (r.transferSize ?? 0), 0);
  return {
    shifts: layoutShifts(result.artifacts.Trace?.traceEvents ?? []),
    performance: score("performance"),
    accessibility: score("accessibility"),
    bestPractices: score("best-practices"),
    lcpMs: num("largest-contentful-paint"),
    cls: num("cumulative-layout-shift"),
    fcpMs: num("first-contentful-paint"),
    tbtMs: num("total-blocking-time"),
    observedPaintMs,
    scriptKbBeforePaint: scriptBytesBeforePaint / 1024,
    benchmarkIndex: lhr.environment.benchmarkIndex,
    failing,
  };
}

interface ShiftEvent {
  name: string;
  ts: number;
  args?: { data?: { score?: number; had_recent_input?: boolean; impacted_nodes?: { node_id: number; old_rect?: number[]; new_rect?: number[] }[] } };
}

/**
 * The trace's own record of each layout shift. Lighthouse 12's layout-shifts
 * audit would name the elements, but its root-cause gatherer fails with this
 * Chromium; the rectangles (x, y, width, height before → after) still say
 * what moved, and when, relative to the navigation's first event.
 */
function layoutShifts(events: ShiftEvent[]): string[] {
  const start = events.find((e) => e.name === "navigationStart")?.ts ?? events[0]?.ts ?? 0;
  return events
    // Every shift, flagged or not: Chromium marks early shifts "had recent input" after Lighthouse's own
    // emulated touch, and Lighthouse counts them (a test page shifting at 300 ms scored CLS 0.034 so).
    .filter((e) => e.name === "LayoutShift")
    .map((e) => {
      const data = e.args?.data ?? {};
      const moved = (data.impacted_nodes ?? []).map((n) => `node ${n.node_id} [${n.old_rect?.join(",")}]→[${n.new_rect?.join(",")}]`).join("; ");
      return `+${Math.round((e.ts - start) / 1000)} ms score ${round(data.score ?? 0, 4)}: ${moved}`;
    });
}

function summarizeRuns(runs: Run[]) {
  const pick = (k: keyof Omit<Run, "failing" | "shifts">) => median(runs.map((r) => r[k]));
  return {
    performance: pick("performance"),
    accessibility: pick("accessibility"),
    bestPractices: pick("bestPractices"),
    lcpMs: pick("lcpMs"),
    cls: pick("cls"),
    fcpMs: pick("fcpMs"),
    tbtMs: pick("tbtMs"),
    observedPaintMs: pick("observedPaintMs"),
    scriptKbBeforePaint: pick("scriptKbBeforePaint"),
    benchmarkIndex: pick("benchmarkIndex"),
    failing: [...new Set(runs.flatMap((r) => r.failing))],
    shifts: runs.flatMap((r, i) => r.shifts.map((s) => `run ${i + 1} ${s}`)),
  };
}

/**
 * Transactions each page's views cause in the app's database, per view: the
 * database's commit counter before and after `views` requests, minus what the
 * background (the email worker polls every 2 s) commits in the same time.
 * A PostgreSQL backend publishes its counters when it goes idle, but at most
 * once a second — otherwise only after ten idle seconds. So each reading
 * waits a second, then sends a burst of /api/ready requests (one `select 1`
 * each) that leaves every pooled connection idle again, now allowed to
 * publish; the burst's own commits are subtracted.
 */
async function transactionsPerView(input: PublicPagesInput): Promise<Record<string, number>> {
  const burst = 20; // more than the app's pool (10), so every connection runs one
  const commits = async () => {
    const [row] = await input.admin`select xact_commit::bigint as n from pg_stat_database where datname = ${input.databaseName}`;
    return Number(row?.n ?? 0);
  };
  const reading = async () => {
    await new Promise((r) => setTimeout(r, 1100));
    await Promise.all(Array.from({ length: burst }, async () => (await fetch(`${input.appUrl}/api/ready`)).arrayBuffer()));
    await new Promise((r) => setTimeout(r, 300));
    return { value: await commits(), at: Date.now() };
  };
  const caused = (a: { value: number; at: number }, b: { value: number; at: number }, perMs: number) => b.value - a.value - burst - perMs * (b.at - a.at);
  // The background's rate first, then each page in turn.
  let last = await reading();
  await new Promise((r) => setTimeout(r, 3000));
  const idle = await reading();
  const backgroundPerMs = Math.max(0, caused(last, idle, 0) / (idle.at - last.at));
  last = idle;
  const out: Record<string, number> = {};
  for (const page of input.pages) {
    for (let i = 0; i < input.views; i++) await (await fetch(input.appUrl + page.path)).arrayBuffer();
    const after = await reading();
    out[page.label] = Math.max(0, caused(last, after, backgroundPerMs) / input.views);
    last = after;
  }
  return out;
}

export async function measurePublicPages(input: PublicPagesInput): Promise<SectionResult> {
  assertChromium();
  const started = performance.now();
  const audited = input.pages.filter((p) => p.lighthouse !== false);
  const targets = [{ label: "static control", path: input.controlPath }, { label: "empty page", path: input.floorPath }, ...audited];
  const runs = new Map<string, Run[]>(targets.map((t) => [t.path, []]));
  // Warm each route once (the first request compiles nothing in production, but fills caches and the DB pool).
  for (const t of targets) await (await fetch(input.appUrl + t.path)).arrayBuffer();

  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM_PATH, chromeFlags: CHROMIUM_FLAGS, logLevel: "silent" });
  // Chromium would inherit the runner's pin to CPU 0: browser, renderer, GPU and network processes, and their
  // threads, on one core. Lighthouse scales the main thread's tasks by its 4× slowdown, so that squeeze counted
  // four times over. Both cores, as a phone has several; the server only answers one page load at a time here.
  if (chrome.pid) pinTree(chrome.pid, ALL_CPUS);
  try {
    for (let i = 0; i < input.runs; i++) {
      for (const t of targets) runs.get(t.path)!.push(await audit(input.appUrl + t.path, chrome.port));
    }
  } finally {
    chrome.kill();
  }

  const control = summarizeRuns(runs.get(input.controlPath)!);
  const floor = summarizeRuns(runs.get(input.floorPath)!);
  const checks: Check[] = [];
  const details: Record<string, unknown> = { runs: Object.fromEntries(runs), control, floor };
  checks.push(
    {
      what: "static HTML control",
      raw: control.performance,
      target: "(control)",
      holds: null,
      note: `LCP ${round(control.lcpMs, 0)} ms, FCP ${round(control.fcpMs, 0)} ms, TBT ${round(control.tbtMs, 0)} ms; host benchmarkIndex ${round(control.benchmarkIndex, 0)}`,
    },
    {
      what: "empty page of this build",
      raw: floor.performance,
      control: control.performance,
      controlName: "static",
      ratio: round(floor.performance - control.performance, 3),
      ratioKind: "difference",
      target: "(floor)",
      holds: null,
      note: `LCP ${round(floor.lcpMs, 0)} ms, FCP ${round(floor.fcpMs, 0)} ms, TBT ${round(floor.tbtMs, 0)} ms: what the framework alone scores`,
    },
  );

  const perView: Record<string, number> = {};
  for (const page of audited) {
    const s = summarizeRuns(runs.get(page.path)!);
    details[page.label] = s;
    // Rounded: scores are two-decimal, and 0.97 − 1.00 is −0.030000000000000027 in floating point.
    const diff = round(s.performance - control.performance, 3);
    const notes = [s.failing.length ? `lost points: ${s.failing.join(", ")}` : "", s.shifts.length ? `shifts: ${s.shifts.join(" | ")}` : ""].filter(Boolean).join("; ") || undefined;
    checks.push(
      {
        what: `${page.label}: performance`,
        raw: s.performance,
        control: control.performance,
        controlName: "static",
        ratio: round(diff, 3),
        ratioKind: "difference",
        target: "≥ 0.95, ≥ control − 0.03",
        holds: s.performance >= 0.95 && diff >= -0.03,
        note: `FCP ${round(s.fcpMs, 0)} ms, TBT ${round(s.tbtMs, 0)} ms; empty page ${floor.performance}`,
      },
      { what: `${page.label}: accessibility`, raw: s.accessibility, control: control.accessibility, target: "1.00", holds: s.accessibility >= 1 },
      { what: `${page.label}: best practices`, raw: s.bestPractices, control: control.bestPractices, target: "≥ 0.95", holds: s.bestPractices >= 0.95 },
      {
        what: `${page.label}: LCP`,
        raw: round(s.lcpMs, 0),
        unit: "ms",
        control: round(control.lcpMs, 0),
        ratio: round(s.lcpMs / control.lcpMs, 2),
        target: "≤ 1500 ms",
        holds: s.lcpMs <= 1500,
        note: `empty page of this build: ${round(floor.lcpMs, 0)} ms; ${round(s.scriptKbBeforePaint, 0)} KB of scripts loaded before the observed paint at ${round(s.observedPaintMs, 0)} ms (empty page: ${round(floor.scriptKbBeforePaint, 0)} KB by ${round(floor.observedPaintMs, 0)} ms)`,
      },
      { what: `${page.label}: CLS`, raw: round(s.cls, 3), control: round(control.cls, 3), target: "≤ 0.02", holds: s.cls <= 0.02, note: notes },
    );
  }
  for (const [label, n] of Object.entries(await transactionsPerView(input))) perView[label] = round(n, 1);
  details.transactionsPerView = perView;
  for (const page of input.pages) {
    const tx = perView[page.label]!;
    const byNature = page.label.startsWith("result");
    checks.push({
      what: `${page.label}: DB transactions per view`,
      raw: tx,
      target: byNature ? "reads its own row (informational)" : "0 (static or cached)",
      holds: byNature ? null : tx < 0.5,
      note: byNature ? "a permalink's content is per token; see README" : undefined,
    });
  }
  return { name: "Public pages (Lighthouse mobile)", seconds: (performance.now() - started) / 1000, checks, details };
}
