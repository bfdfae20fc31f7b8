// `npm run bench` — the performance benchmark. See README.md ("Performance
// benchmark") for how to run it and read it. In short:
//   1. build a snapshot of the working tree (bench/lib/snapshot.ts);
//   2. create a fresh PostgreSQL database, migrate, seed a realistic volume;
//   3. start the Stripe emulator, the SMTP sink, a Node hello-world and
//      `next start` (pinned to CPU 1; everything else stays on CPU 0);
//   4. measure, each figure beside a control from the same run;
//   5. stop everything it started, drop the database, print the table and
//      write bench/results/latest.json.
// `--smoke` (or BENCH_SMOKE=1): every measurement, tiny, in about two minutes.
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { benchConfig } from "./lib/config";
import { ADMIN_URL, connectSql, createDatabase, migrateAndSeed, seedVolume, type BenchDatabase, type Sql } from "./lib/database";
import { killAllNow, pinTree, setLogDir, stopAll } from "./lib/procs";
import { answersFor } from "./lib/quiz-answers";
import { renderTable, summarize, writeJson, type SectionResult } from "./lib/report";
import { sampleRss, type RssSampler } from "./lib/rss";
import { CLIENT_CPU, startStack, type Stack } from "./lib/stack";
import { buildSnapshot, type Snapshot } from "./lib/snapshot";
import { measureCoachQueue } from "./measures/coach-queue";
import { measureDashboard } from "./measures/dashboard";
import { measureMemory } from "./measures/memory";
import { measureNewsletter } from "./measures/newsletter";
import { measurePublicPages } from "./measures/public-pages";
import { measureQuizJs } from "./measures/quiz-js";
import { measureThroughput } from "./measures/throughput";
import { measureWebhook } from "./measures/webhook";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(repo);
const args = new Set(process.argv.slice(2));
const smoke = args.has("--smoke") || process.env.BENCH_SMOKE === "1";
/** `--only=webhook,coach` runs some sections (for working on one measurement). */
const only = [...args].find((a) => a.startsWith("--only="))?.slice(7).split(",");
const config = benchConfig(smoke);
const resultsDir = path.join(repo, "bench", "results");
const COACH = { id: "bench-coach", email: "coach@bench.test" };

let snapshot: Snapshot | undefined;
let database: BenchDatabase | undefined;
let stack: Stack | undefined;
let sql: Sql | undefined;
let admin: Sql | undefined;

async function cleanup() {
  await stack?.stop().catch(() => {});
  await stopAll().catch(() => {});
  await sql?.end({ timeout: 2 }).catch(() => {});
  await admin?.end({ timeout: 2 }).catch(() => {});
  await database?.drop().catch((err: unknown) => console.error(`could not drop ${database?.name}: ${String(err)}`));
  // BENCH_KEEP_BUILD=1 keeps the snapshot for BENCH_REUSE_BUILD=<dir> (working on the benchmark itself).
  if (process.env.BENCH_KEEP_BUILD === "1") console.log(`kept the build: BENCH_REUSE_BUILD=${snapshot?.dir}`);
  else snapshot?.remove();
}
let interrupted = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = true;
    console.error(`\n${signal}: stopping what the benchmark started…`);
    void cleanup().finally(() => process.exit(130));
  });
}
process.on("exit", killAllNow);

const log = (line: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);

async function section(name: string, key: string, run: () => Promise<SectionResult>, sections: SectionResult[]) {
  if (only && !only.includes(key)) return;
  log(`${name}…`);
  const t = performance.now();
  try {
    const result = await run();
    sections.push(result);
    for (const c of result.checks) if (c.holds === false) log(`  ✘ ${c.what}: ${c.raw}${c.unit ? ` ${c.unit}` : ""} (target ${c.target})`);
  } catch (err) {
    const message = err instanceof Error ? (err.stack ?? err.message) : String(err);
    console.error(message);
    sections.push({ name, seconds: (performance.now() - t) / 1000, checks: [], details: {}, error: message });
  }
}

async function main() {
  const t0 = performance.now();
  const timings: Record<string, number> = {};
  const mark = (k: string, since: number) => (timings[k] = Math.round((performance.now() - since) / 100) / 10);
  setLogDir(path.join(resultsDir, "logs"));
  const machine = { cpus: os.cpus().length, model: os.cpus()[0]?.model, loadavg: os.loadavg(), node: process.version, memoryGb: Math.round(os.totalmem() / 2 ** 30) };
  log(`${smoke ? "smoke" : "full"} run on ${machine.cpus} CPUs, load ${machine.loadavg.map((l) => l.toFixed(2)).join(" ")}`);
  if (machine.cpus < 2) throw new Error("the benchmark needs 2 CPUs: one for the server, one for the load");

  let t = performance.now();
  snapshot = process.env.BENCH_REUSE_BUILD
    ? { dir: process.env.BENCH_REUSE_BUILD, buildSeconds: 0, remove: () => {} }
    : await buildSnapshot(repo);
  mark("build", t);
  log(`built in ${timings.build} s (${snapshot.dir})`);

  // From here on the runner and everything it starts stay on CPU 0; the server asks for CPU 1.
  pinTree(process.pid, CLIENT_CPU);

  t = performance.now();
  database = await createDatabase(smoke ? "smoke" : "full");
  await migrateAndSeed(database.url, snapshot.dir);
  const seedTimings = await seedVolume(database.url, config.volume);
  sql = connectSql(database.url);
  admin = connectSql(ADMIN_URL, 1);
  await sql`insert into users (id, email, role, email_verified) values (${COACH.id}, ${COACH.email}, 'admin', now())`;
  mark("seed", t);
  log(`database ${database.name} seeded in ${timings.seed} s`);

  t = performance.now();
  stack = await startStack({ repo, buildDir: snapshot.dir, databaseUrl: database.url, adminEmail: COACH.email });
  mark("start", t);
  log(`server up in ${timings.start} s at ${stack.appUrl}`);
  const rss: RssSampler = sampleRss(stack.server.pid);
  const s = stack;
  const db = sql;

  // A real result permalink for the result page.
  const quizRes = await fetch(`${s.appUrl}/api/quiz/responses`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ answers: answersFor(1) }),
  });
  const { token } = (await quizRes.json()) as { token: string };
  if (!token) throw new Error(`the quiz API answered ${quizRes.status} without a token`);

  // The front door, served from the page cache: Lighthouse audits these beside the static
  // control, and the throughput section holds each (and /quiz) to 5× the trivial page.
  const [article] = await db<{ slug: string }[]>`select slug from articles where status = 'published' order by published_at limit 1`;
  if (!article) throw new Error("no published article (the seed adds the first one)");
  const [product] = await db<{ slug: string }[]>`select slug from products where status = 'published' order by id limit 1`;
  if (!product) throw new Error("no published product (the seed adds the first one)");
  const publicPages = [
    { label: "/pricing", path: "/pricing", lighthouse: true },
    { label: "/articles", path: "/articles", lighthouse: false },
    { label: "article page", path: `/articles/${article.slug}`, lighthouse: true },
    { label: "/newsletter/archive", path: "/newsletter/archive", lighthouse: false },
    { label: "/products", path: "/products", lighthouse: false },
    { label: "product page", path: `/products/${product.slug}`, lighthouse: false },
  ];

  const sections: SectionResult[] = [];
  await section(
    "Public pages",
    "pages",
    () => {
      rss.phase("lighthouse");
      return measurePublicPages({
        appUrl: s.appUrl,
        runs: config.lighthouseRuns,
        controlPath: "/bench/static",
        floorPath: "/bench/empty",
        views: smoke ? 20 : 40,
        // Smoke audits two pages with Lighthouse (the database check still covers all four).
        pages: [
          { label: "/", path: "/" },
          { label: "/quiz", path: "/quiz" },
          { label: "result page", path: `/quiz/result/${token}`, lighthouse: !smoke },
          ...publicPages.map((p) => ({ ...p, lighthouse: p.lighthouse && !smoke })),
        ],
        admin: admin!,
        databaseName: database!.name,
      });
    },
    sections,
  );
  await section("Quiz JavaScript", "quizjs", () => measureQuizJs({ appUrl: s.appUrl, emptyPath: "/bench/empty" }), sections);
  await section(
    "Throughput",
    "load",
    () =>
      measureThroughput({
        appUrl: s.appUrl,
        helloUrl: s.helloUrl,
        serverPid: s.server.pid,
        dynamicPath: "/bench/dynamic",
        sql: db,
        warmupSeconds: config.loadWarmupSeconds,
        seconds: config.loadSeconds,
        connections: config.connections,
        rounds: smoke ? 1 : 5,
        phase: rss.phase,
        publicPages: [{ label: "/quiz", path: "/quiz" }, ...publicPages].map(({ label, path }) => ({ label, path })),
      }),
    sections,
  );
  await section(
    "Stripe webhook",
    "webhook",
    () => measureWebhook({ appUrl: s.appUrl, stripeUrl: s.stripeUrl, serverPid: s.server.pid, sql: db, events: config.webhookEvents, concurrency: config.webhookConcurrency, phase: rss.phase }),
    sections,
  );
  await section(
    "Coach queue",
    "coach",
    () => measureCoachQueue({ databaseUrl: database!.url, migrations: path.join(snapshot!.dir, "drizzle"), pgliteCheckins: config.pgliteCheckins, runs: config.queueRuns, phase: rss.phase }),
    sections,
  );
  await section(
    "Owner's dashboard",
    "dashboard",
    () => measureDashboard({ databaseUrl: database!.url, migrations: path.join(snapshot!.dir, "drizzle"), volume: config.volume, runs: config.queueRuns, phase: rss.phase }),
    sections,
  );
  await section(
    "Newsletter",
    "newsletter",
    () =>
      measureNewsletter({
        repo,
        buildDir: snapshot!.dir,
        sql: db,
        appEnv: s.appEnv,
        sinkStatsUrl: s.sinkStatsUrl,
        coach: COACH,
        expected: config.volume.newsletterSubscribers,
        phase: rss.phase,
      }),
    sections,
  );

  if (args.has("--hold")) {
    // For working on the app or the benchmark: the stack stays up until Ctrl-C (which cleans up as usual).
    log(`holding: app ${s.appUrl}, database ${database!.url}, result token ${token}; Ctrl-C stops everything`);
    await new Promise(() => {});
  }
  const memory = rss.stop();
  await section(
    "Server memory",
    "memory",
    () => measureMemory({ report: memory, buildDir: snapshot!.dir, appEnv: s.appEnv, sql: db, appUrl: s.appUrl, seconds: 5, diagnose: !smoke }),
    sections,
  );

  t = performance.now();
  await cleanup();
  snapshot = undefined;
  database = undefined;
  stack = undefined;
  mark("cleanup", t);
  const totalSeconds = Math.round((performance.now() - t0) / 1000);

  const summary = summarize(sections);
  console.log(renderTable(sections));
  console.log(
    `\n${smoke ? "SMOKE" : "FULL"} run: ${summary.held} held, ${summary.missed} missed, ${summary.unknown} informational` +
      `${summary.crashed.length ? `, could not measure: ${summary.crashed.join(", ")}` : ""} — ${totalSeconds} s` +
      ` (build ${timings.build} s, seed ${timings.seed} s, start ${timings.start} s)`,
  );
  const file = path.join(resultsDir, smoke ? "smoke.json" : "latest.json");
  writeJson(file, { date: new Date().toISOString(), mode: smoke ? "smoke" : "full", totalSeconds, timings, seedTimings, machine, config, summary, sections });
  console.log(`results: ${path.relative(repo, file)}; logs: bench/results/logs/`);
  // Smoke (CI): fail when a measurement could not run or a correctness check failed; full: also when a target is missed.
  const failed = summary.crashed.length > 0 || summary.correctnessFailed > 0 || (!smoke && summary.missed > 0);
  process.exitCode = failed ? 1 : 0;
}

main().catch(async (err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
  await cleanup();
  process.exit(2);
});
