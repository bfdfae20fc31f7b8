// `npm test`: every check a change must pass, in order, then one closing line
// "N passed, N failed". Typecheck, lint and build count as one check each; the
// unit and e2e runners contribute one per test. Later steps still run after a
// failure so one run shows everything that is wrong (the e2e step needs a build).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";

const bin = (name) => path.join("node_modules", ".bin", name);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "dojo-test-"));
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
let passed = 0;
let failed = 0;

function run(title, cmd, args, extraEnv = {}) {
  console.log(`\n▶ ${title}: ${cmd} ${args.join(" ")}`);
  const result = spawnSync(cmd, args, { stdio: "inherit", env: { ...env, ...extraEnv } });
  return result.status === 0;
}

function gate(title, cmd, args, extraEnv) {
  const ok = run(title, cmd, args, extraEnv);
  if (ok) passed++;
  else failed++;
  console.log(ok ? `✔ ${title}` : `✘ ${title} failed`);
  return ok;
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return undefined;
  }
}

function browserAvailable() {
  if (process.env.CHROMIUM_PATH || fs.existsSync("/usr/bin/chromium")) return true;
  const probe = spawnSync(process.execPath, ["-e", "const {chromium}=require('@playwright/test');process.exit(require('fs').existsSync(chromium.executablePath())?0:1)"]);
  return probe.status === 0;
}

/** Adds a Vitest JSON report to the tally; a missing report, or a failed run with no failed test (a crash), counts as a failure. */
function countVitest(report, name) {
  if (!report) {
    failed++;
    console.log(`✘ the ${name} test runner wrote no report`);
    return;
  }
  passed += report.numPassedTests;
  failed += report.numFailedTests + (report.numTotalTestSuites > 0 && report.success === false && report.numFailedTests === 0 ? 1 : 0);
}

/** Adds a Playwright JSON report to the tally; no report counts as a failure. */
function countPlaywright(report, name) {
  if (!report?.stats) {
    failed++;
    console.log(`✘ the ${name} runner wrote no report`);
    return;
  }
  passed += report.stats.expected + report.stats.flaky;
  failed += report.stats.unexpected;
  if (report.errors?.length) failed++;
}

gate("typegen", bin("next"), ["typegen"]);
gate("typecheck", bin("tsc"), ["--noEmit", "-p", "."]);
gate("lint", bin("eslint"), [".", "--max-warnings=0"]);

const unitReport = path.join(tmp, "vitest.json");
run("unit and integration tests", bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${unitReport}`]);
countVitest(readJson(unitReport), "unit");

const built = gate("production build", bin("next"), ["build"]);
if (built) {
  // The outside-in suite (outside/): it starts the production build itself, on each engine.
  const outsideReport = path.join(tmp, "outside.json");
  run("outside-in security and fault tests", bin("vitest"), ["run", "-c", "vitest.outside.config.ts", "--reporter=default", "--reporter=json", `--outputFile.json=${outsideReport}`]);
  countVitest(readJson(outsideReport), "outside-in");

  if (!browserAvailable()) run("install Playwright's Chromium", bin("playwright"), ["install", "chromium"]);
  const e2eReport = path.join(tmp, "playwright.json");
  run("end-to-end tests", bin("playwright"), ["test", "--reporter=list,json"], { PLAYWRIGHT_JSON_OUTPUT_NAME: e2eReport });
  countPlaywright(readJson(e2eReport), "end-to-end");

  // The production shape (PostgreSQL only): the sign-up and check-in journeys again, through a round-robin
  // balancer over two app instances with WORKERS=off and two workers, on a database of their own.
  if (process.env.DATABASE_URL) {
    const server = postgres(process.env.DATABASE_URL, { max: 1, onnotice: () => {} });
    const name = `dojo_e2e_scale_${process.pid}`;
    await server.unsafe(`drop database if exists ${name} with (force)`);
    await server.unsafe(`create database ${name}`);
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `/${name}`;
    const scaleReport = path.join(tmp, "playwright-scale.json");
    run("end-to-end journeys across two instances and two workers", bin("playwright"), ["test", "e2e/billing.spec.ts", "e2e/checkins.spec.ts", "--reporter=list,json"], {
      E2E_SCALE: "1",
      DATABASE_URL: url.toString(),
      PLAYWRIGHT_JSON_OUTPUT_NAME: scaleReport,
    });
    await server.unsafe(`drop database if exists ${name} with (force)`);
    await server.end();
    countPlaywright(readJson(scaleReport), "two-instance end-to-end");
  }
} else {
  failed++;
  console.log("✘ end-to-end tests skipped: the build failed");
}

fs.rmSync(tmp, { recursive: true, force: true });
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
