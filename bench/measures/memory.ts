// Peak RSS of the app server over the whole run (sampled by bench/lib/rss.ts
// from the moment it starts), judged against the target. Then what the server's
// V8 flags (scripts/next-start.mjs) buy and cost: a second server of the same
// build on V8's defaults takes the same page loads as the main server, back to
// back (same noise), and both its peak and its requests/s are reported.
import autocannon from "autocannon";
import type { Sql } from "../lib/database";
import { createMember } from "../lib/member";
import { SERVER_NODE_FLAGS, nextStartArgs } from "../../scripts/next-start.mjs";
import { freePort, start, waitForUrl } from "../lib/procs";
import type { Check, SectionResult } from "../lib/report";
import { sampleRss, type RssReport } from "../lib/rss";
import { round } from "../lib/stats";
import { SERVER_CPU } from "../lib/stack";

export interface MemoryInput {
  report: RssReport;
  buildDir: string;
  appEnv: Record<string, string>;
  sql: Sql;
  appUrl: string;
  seconds: number;
  /** Run the comparison with V8's defaults (full runs; smoke only reports the peak). */
  diagnose: boolean;
}

export async function measureMemory(input: MemoryInput): Promise<SectionResult> {
  const started = performance.now();
  const peak = Math.max(input.report.peakMb, input.report.hwmMb);
  const byPhase = Object.entries(input.report.byPhase)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([phase, mb]) => `${phase} ${mb}`)
    .join(", ");
  const checks: Check[] = [
    {
      what: "peak RSS of the server",
      raw: peak,
      unit: "MB",
      target: "≤ 400 MB",
      holds: peak <= 400,
      note: `at start ${input.report.byPhase.start ?? "?"} MB; highest phases: ${byPhase} MB`,
    },
  ];
  const details: Record<string, unknown> = { ...input.report };
  if (!input.diagnose) return { name: "Server memory", seconds: (performance.now() - started) / 1000, checks, details };

  // The same build without the V8 flags, on the same core, under the same loads.
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const defaults = nextStartArgs(port).filter((arg) => !SERVER_NODE_FLAGS.includes(arg));
  const control = start("next-server-v8-defaults", process.execPath, defaults, {
    cwd: input.buildDir,
    cpus: SERVER_CPU,
    env: { ...input.appEnv, APP_URL: url },
  });
  try {
    await waitForUrl(`${url}/api/ready`, control, 60_000);
    const member = await createMember(input.sql, "memory-reader", { startDaysAgo: 20 });
    const [lesson] = await input.sql<{ slug: string }[]>`
      select l.slug from lessons l join modules m on m.id = l.module_id
      where l.status = 'published' and l.release_offset_days <= 20 order by l.release_offset_days desc, m.position, l.position limit 1`;
    const load = async (base: string, path: string, warmSeconds: number, headers: Record<string, string> = {}) => {
      await autocannon({ url: base + path, headers, connections: 20, duration: warmSeconds });
      const r = await autocannon({ url: base + path, headers, connections: 20, duration: input.seconds });
      return r.requests.total / r.duration;
    };
    const lessonPath = `/dojo/lessons/${lesson?.slug ?? ""}`;
    const flagged = { dynamic: await load(input.appUrl, "/bench/dynamic", 3), lesson: await load(input.appUrl, lessonPath, 3, { cookie: member.cookie }) };
    // A longer warm-up for the new server: the main one has been warm (JIT, pool, caches) for minutes.
    const rss = sampleRss(control.pid);
    const dynamic = await load(url, "/bench/dynamic", 10);
    const lessonRps = await load(url, lessonPath, 10, { cookie: member.cookie });
    const report = rss.stop();
    const controlPeak = Math.max(report.peakMb, report.hwmMb);
    details.v8Defaults = { flags: SERVER_NODE_FLAGS, ...report, dynamicRps: dynamic, lessonRps, withFlags: flagged };
    checks.push({
      what: "same build on V8's defaults",
      raw: controlPeak,
      unit: "MB",
      control: peak,
      controlName: "with flags",
      ratio: round(controlPeak / peak, 2),
      target: "(diagnosis)",
      holds: null,
      note: `peak over these loads alone; back to back, V8 defaults vs ${SERVER_NODE_FLAGS.join(" ")}: trivial page ${round(dynamic, 0)} vs ${round(flagged.dynamic, 0)} req/s, lesson ${round(lessonRps, 0)} vs ${round(flagged.lesson, 0)} req/s`,
    });
  } catch (err) {
    // The diagnosis failing must not hide the measurement above.
    checks.push({ what: "same build on V8's defaults", raw: null, target: "(diagnosis)", holds: null, note: `failed: ${err instanceof Error ? err.message.split("\n")[0] : String(err)}` });
  } finally {
    await control.stop();
  }
  return { name: "Server memory", seconds: (performance.now() - started) / 1000, checks, details };
}
