// Times the owner's dashboard with the app's own code (lib/dashboard/report.ts: dashboardFor,
// everything /coach reads for an admin) in a process of its own, like the coach queue's worker:
//   postgres — DATABASE_URL: the benchmark's seeded database;
//   pglite   — a PGlite folder made here and filled with the same statements (bench/lib/database.ts).
// Prints one JSON line, prefixed "RESULT ".
import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { setTestDatabase, type Db } from "../../db/client";
import * as schema from "../../db/schema";
import { seed } from "../../db/seed";
import { careReport } from "../../lib/dashboard/care";
import { funnelReport } from "../../lib/dashboard/funnel";
import { moneyReport } from "../../lib/dashboard/money";
import { newsletterReport } from "../../lib/dashboard/newsletter";
import { parseRange } from "../../lib/dashboard/range";
import { dashboardFor } from "../../lib/dashboard/report";
import { getDb } from "../../lib/db";
import { volumeSteps, type Volume } from "../lib/database";
import { percentile } from "../lib/stats";

const mode = process.env.BENCH_DASHBOARD_MODE === "pglite" ? "pglite" : "postgres";
const runs = Number(process.env.BENCH_DASHBOARD_RUNS ?? 100);
const zone = process.env.DASHBOARD_TIME_ZONE ?? "UTC";

async function timeIt(fn: () => Promise<unknown>, n: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}

async function main() {
  const setup: Record<string, number> = {};
  let close: () => Promise<void>;
  let count: (table: string) => Promise<number>;
  if (mode === "postgres") {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is required in postgres mode");
    const client = postgres(url, { max: 10, onnotice: () => {} });
    const db = drizzlePostgres(client, { schema }) as unknown as Db;
    setTestDatabase({ kind: "postgres", db, migrate: async () => {}, close: () => client.end({ timeout: 5 }) });
    count = async (table) => Number((await client.unsafe(`select count(*)::int as n from ${table}`))[0]?.n);
    close = () => client.end({ timeout: 5 });
  } else {
    const dir = process.env.BENCH_PGLITE_DIR;
    const volume = JSON.parse(process.env.BENCH_VOLUME ?? "{}") as Volume;
    if (!dir) throw new Error("BENCH_PGLITE_DIR is required in pglite mode");
    fs.rmSync(dir, { recursive: true, force: true });
    let t = performance.now();
    const client = new PGlite(dir);
    const db = drizzlePglite(client, { schema });
    await migratePglite(db, { migrationsFolder: process.env.BENCH_MIGRATIONS ?? "drizzle" });
    await seed(db as unknown as Db);
    setup.migrateAndSeedMs = Math.round(performance.now() - t);
    t = performance.now();
    for (const [, text, params] of volumeSteps(volume)) await client.query(text, params);
    setup.generateMs = Math.round(performance.now() - t);
    t = performance.now();
    await client.exec("vacuum analyze");
    setup.analyzeMs = Math.round(performance.now() - t);
    setTestDatabase({ kind: "pglite", db: db as unknown as Db, migrate: async () => {}, close: () => client.close() });
    count = async (table) => Number((await client.query<{ n: number }>(`select count(*)::int as n from ${table}`)).rows[0]?.n);
    close = async () => {
      await client.close();
      fs.rmSync(dir, { recursive: true, force: true });
    };
  }

  try {
    const admin = { id: "bench-admin", email: "admin@bench.test", role: "admin" as const, timeZone: "UTC", sessionToken: "" };
    const page = (days: string) => () => dashboardFor(admin, { days });
    const db = await getDb();
    const selectOne = () => db.execute(sql`select 1`);
    await timeIt(page("30"), 10);
    await timeIt(selectOne, 10);
    // The page and the control in turn, so a noisy moment lands on both.
    const thirty: number[] = [];
    const floor: number[] = [];
    for (let i = 0; i < runs; i++) {
      thirty.push(...(await timeIt(page("30"), 1)));
      floor.push(...(await timeIt(selectOne, 1)));
    }
    const seven = await timeIt(page("7"), Math.max(10, Math.round(runs / 3)));
    const ninety = await timeIt(page("90"), Math.max(10, Math.round(runs / 3)));
    // Where the time goes: each section alone, 30 days.
    const range = parseRange({ days: "30" }, zone).range;
    const sections: Record<string, number> = {};
    for (const [name, fn] of [
      ["funnel", () => funnelReport(admin, range)],
      ["money", () => moneyReport(admin, range)],
      ["care", () => careReport(admin, range)],
      ["newsletter", () => newsletterReport(admin, range)],
    ] as const) {
      await timeIt(fn, 3);
      sections[name] = percentile(await timeIt(fn, Math.max(10, Math.round(runs / 5))), 95);
    }
    const sample = await page("30")();
    const result = {
      mode,
      zone,
      p50: percentile(thirty, 50),
      p95: percentile(thirty, 95),
      floorP50: percentile(floor, 50),
      floorP95: percentile(floor, 95),
      sevenP95: percentile(seven, 95),
      ninetyP95: percentile(ninety, 95),
      sections,
      runs,
      rows: {
        quizEvents: await count("quiz_events"),
        funnelCounts: await count("funnel_counts"),
        checkins: await count("checkins"),
        replyTimeCounts: await count("reply_time_counts"),
        users: await count("users"),
        mrrChanges: await count("mrr_changes"),
      },
      funnelStarts: sample.funnel.steps[0]?.count ?? 0,
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
