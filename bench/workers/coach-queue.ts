// Times the coach queue with the app's own code (lib/checkins/coach.ts: reviewQueue, the
// query behind /coach/check-ins: its first page, waiting, and its "All" view), in a
// process of its own (see allow-server-only.ts for how it loads server-only
// modules). Two modes:
//   postgres — DATABASE_URL: the benchmark's database, already holding the seeded check-ins;
//   pglite   — a PGlite folder made here, filled with the same SQL (in process, as `npm run dev` runs).
// Prints one JSON line, prefixed "RESULT ".
import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { sql } from "drizzle-orm";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import type { Logger } from "drizzle-orm/logger";
import postgres from "postgres";
import { setTestDatabase, type Db, type DbHandle } from "../../db/client";
import * as schema from "../../db/schema";
import { reviewQueue } from "../../lib/checkins/coach";
import { getDb } from "../../lib/db";
import { CHECKINS_SQL, USERS_SQL } from "../lib/database";
import { percentile } from "../lib/stats";

const mode = process.env.BENCH_QUEUE_MODE === "pglite" ? "pglite" : "postgres";
const runs = Number(process.env.BENCH_QUEUE_RUNS ?? 300);
const checkins = Number(process.env.BENCH_CHECKINS ?? 1_000_000);

const captured: { sql: string; params: unknown[] }[] = [];
let capture = false;
const logger: Logger = {
  logQuery(query, params) {
    if (capture) captured.push({ sql: query, params });
  },
};

interface PlanNode {
  "Node Type": string;
  "Index Name"?: string;
  Plans?: PlanNode[];
}

function describePlan(node: PlanNode): string {
  const self = node["Index Name"] ? `${node["Node Type"]} using ${node["Index Name"]}` : node["Node Type"];
  const kids = (node.Plans ?? []).map(describePlan);
  return kids.length ? `${self} → ${kids.join(" + ")}` : self;
}

function nodes(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(nodes)];
}

async function timeIt(fn: () => Promise<unknown>, n: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}

/**
 * `fn` and `control` in turn, n times each, so a noisy moment on the machine
 * lands on both alike: the control's tail shows how much of `fn`'s is the machine.
 */
async function timeInTurn(fn: () => Promise<unknown>, control: () => Promise<unknown>, n: number) {
  const out = { fn: [] as number[], control: [] as number[] };
  for (let i = 0; i < n; i++) {
    out.fn.push(...(await timeIt(fn, 1)));
    out.control.push(...(await timeIt(control, 1)));
  }
  return out;
}

type Explain = (text: string, params: unknown[]) => Promise<unknown>;

/**
 * The SQL one call sends, captured through drizzle's logger and run under
 * EXPLAIN ANALYZE, so the plan judged is the plan of the real query. Ordered by
 * the index means the index is read in the page's order: no sort of every match.
 */
async function planOf(call: () => Promise<unknown>, explain: Explain, index: string) {
  captured.length = 0;
  capture = true;
  await call();
  capture = false;
  const query = captured[0];
  if (!query) throw new Error("the queue sent no query");
  const [{ "QUERY PLAN": plan }] = (await explain(`explain (analyze, format json) ${query.sql}`, query.params)) as [{ "QUERY PLAN": [{ Plan: PlanNode; "Execution Time": number }] }];
  const all = nodes(plan[0].Plan);
  const scansIndex = all.some((n) => n["Index Name"] === index && /Index (Only )?Scan/.test(n["Node Type"]));
  const text = ((await explain(`explain (analyze) ${query.sql}`, query.params)) as { "QUERY PLAN": string }[]).map((r) => r["QUERY PLAN"]).join("\n");
  return {
    sql: query.sql,
    plan: describePlan(plan[0].Plan),
    planText: text,
    explainMs: plan[0]["Execution Time"],
    usesIndex: all.some((n) => n["Index Name"] === index),
    orderedByIndex: scansIndex && !all.some((n) => /Sort/.test(n["Node Type"])),
  };
}

async function main() {
  let explain: Explain;
  let close: () => Promise<void>;
  const setup: Record<string, number> = {};
  if (mode === "postgres") {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is required in postgres mode");
    const client = postgres(url, { max: 10, onnotice: () => {} });
    const db = drizzlePostgres(client, { schema, logger }) as unknown as Db;
    const handle: DbHandle = { kind: "postgres", db, migrate: async () => {}, close: () => client.end({ timeout: 5 }) };
    setTestDatabase(handle);
    explain = (text, params) => client.unsafe(text, params as never[]);
    close = handle.close;
  } else {
    const dir = process.env.BENCH_PGLITE_DIR;
    if (!dir) throw new Error("BENCH_PGLITE_DIR is required in pglite mode");
    fs.rmSync(dir, { recursive: true, force: true });
    let t = performance.now();
    const client = new PGlite(dir);
    const db = drizzlePglite(client, { schema, logger });
    // The build's migrations (BENCH_MIGRATIONS), the same the server applied to PostgreSQL.
    await migratePglite(db, { migrationsFolder: process.env.BENCH_MIGRATIONS ?? "drizzle" });
    setup.migrateMs = Math.round(performance.now() - t);
    const users = Math.max(100, Math.round(checkins / 50));
    t = performance.now();
    await client.query(USERS_SQL, [users]);
    await client.query(CHECKINS_SQL, [checkins, users]);
    setup.generateMs = Math.round(performance.now() - t);
    t = performance.now();
    await client.exec("vacuum analyze");
    setup.analyzeMs = Math.round(performance.now() - t);
    setTestDatabase({ kind: "pglite", db: db as unknown as Db, migrate: async () => {}, close: () => client.close() });
    explain = async (text, params) => (await client.query(text, params)).rows;
    close = async () => {
      await client.close();
      fs.rmSync(dir, { recursive: true, force: true });
    };
  }

  try {
    const coach = { id: "bench-coach", email: "coach@bench.test", role: "coach" as const, timeZone: "UTC", sessionToken: "" };
    const waitingView = () => reviewQueue(coach);
    const answeredView = () => reviewQueue(coach, { status: "all" });
    const waitingPlan = await planOf(waitingView, explain, "checkins_queue_idx");
    const answeredPlan = await planOf(answeredView, explain, "checkins_shared_idx");
    const first = await waitingView();

    // Warm up (caches, JIT), then the measured runs.
    // The control: the cheapest statement through the same code path (drizzle, same connection pool).
    const db = await getDb();
    const selectOne = () => db.execute(sql`select 1`);
    await timeInTurn(waitingView, selectOne, 30);
    const { fn: queue, control: floor } = await timeInTurn(waitingView, selectOne, runs);
    await timeIt(answeredView, 10);
    const answered = await timeIt(answeredView, Math.max(20, Math.round(runs / 3)));
    const [{ waiting }] = (await explain("select count(*)::int as waiting from checkins where status = 'waiting'", [])) as [{ waiting: number }];
    const [{ total }] = (await explain("select count(*)::int as total from checkins", [])) as [{ total: number }];
    const result = {
      mode,
      checkins: total,
      waiting,
      firstPage: first.items.length,
      ...waitingPlan,
      answeredPlan,
      p50: percentile(queue, 50),
      p95: percentile(queue, 95),
      floorP50: percentile(floor, 50),
      floorP95: percentile(floor, 95),
      answeredP50: percentile(answered, 50),
      answeredP95: percentile(answered, 95),
      runs,
      setup,
    };
    console.log(`RESULT ${JSON.stringify(result)}`);
  } finally {
    await close();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
    process.exit(1);
  },
);
