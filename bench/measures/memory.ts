// Peak RSS of the app server over the whole run (sampled by bench/lib/rss.ts
// from the moment it starts), judged against the target; then the cause
// checked: a second server of the same build, its V8 heap capped, takes the
// same page loads as the main server, back to back (same noise). If it serves
// them as fast in far less memory, the peak was
// V8 letting its heap grow on a machine with plenty of RAM (garbage not yet
// collected), not memory the app holds.
import autocannon from "autocannon";
import type { Sql } from "../lib/database";
import { createMember } from "../lib/member";
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
  /** Run the capped-heap comparison (full runs; smoke only reports the peak). */
  diagnose: boolean;
  heapCapMb: number;
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

  // The same build with --max-old-space-size, on the same core, under the same loads.
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const capped = start("next-server-capped-heap", process.execPath, [`--max-old-space-size=${input.heapCapMb}`, "node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: input.buildDir,
    cpus: SERVER_CPU,
    env: { ...input.appEnv, APP_URL: url },
  });
  try {
    await waitForUrl(`${url}/api/health`, capped, 60_000);
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
    const uncapped = { dynamic: await load(input.appUrl, "/bench/dynamic", 3), lesson: await load(input.appUrl, lessonPath, 3, { cookie: member.cookie }) };
    // A longer warm-up for the new server: the main one has been warm (JIT, pool, caches) for minutes.
    const rss = sampleRss(capped.pid);
    const dynamic = await load(url, "/bench/dynamic", 10);
    const lessonRps = await load(url, lessonPath, 10, { cookie: member.cookie });
    const report = rss.stop();
    const cappedPeak = Math.max(report.peakMb, report.hwmMb);
    details.cappedHeap = { heapCapMb: input.heapCapMb, ...report, dynamicRps: dynamic, lessonRps, uncapped };
    checks.push({
      what: `same build, heap capped at ${input.heapCapMb} MB`,
      raw: cappedPeak,
      unit: "MB",
      control: peak,
      controlName: "uncapped",
      ratio: round(cappedPeak / peak, 2),
      target: "(diagnosis)",
      holds: null,
      note: `same loads, back to back: trivial page ${round(dynamic, 0)} vs ${round(uncapped.dynamic, 0)} req/s, lesson ${round(lessonRps, 0)} vs ${round(uncapped.lesson, 0)} req/s (capped vs uncapped)`,
    });
  } catch (err) {
    // The diagnosis failing must not hide the measurement above.
    checks.push({ what: `same build, heap capped at ${input.heapCapMb} MB`, raw: null, target: "(diagnosis)", holds: null, note: `failed: ${err instanceof Error ? err.message.split("\n")[0] : String(err)}` });
  } finally {
    await capped.stop();
  }
  return { name: "Server memory", seconds: (performance.now() - started) / 1000, checks, details };
}
