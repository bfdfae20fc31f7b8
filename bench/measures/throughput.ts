// Requests per second and latency under autocannon (20 connections), with the
// app server alone on CPU 1 and autocannon on CPU 0. After a warm-up, the app's
// routes and the trivial dynamic page (the control: the cost of rendering
// anything at all) are measured in turn, in several short rounds, so a noisy
// moment on this shared machine lands on every route alike instead of on
// whichever happened to run then. Node's http hello-world shows the machine's ceiling.
import autocannon from "autocannon";
import { cpuMs } from "../lib/cpu";
import type { Sql } from "../lib/database";
import { createMember } from "../lib/member";
import { answersFor } from "../lib/quiz-answers";
import type { Check, SectionResult } from "../lib/report";
import { round } from "../lib/stats";

export interface Load {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  errors: number;
  non2xx: number;
  statusCodes: Record<string, number>;
  /** Server CPU per request (ms): steadier than requests/s when neighbours steal the CPU. */
  cpuPerRequest: number;
}

type Target = Omit<autocannon.Options, "connections" | "duration">;

async function run(target: Target, connections: number, seconds: number, serverPid: number): Promise<Load> {
  const cpu0 = cpuMs(serverPid);
  const r = await autocannon({ ...target, connections, duration: seconds, timeout: 10 });
  const cpu = cpuMs(serverPid) - cpu0;
  const statusCodes = Object.fromEntries(Object.entries(r.statusCodeStats ?? {}).map(([code, s]) => [code, s.count ?? 0]));
  return {
    rps: r.requests.total / r.duration,
    p50: r.latency.p50,
    p99: r.latency.p99,
    requests: r.requests.total,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
    statusCodes,
    cpuPerRequest: r.requests.total > 0 ? cpu / r.requests.total : NaN,
  };
}

/**
 * One figure from a route's rounds: requests and CPU summed over the time they took;
 * latency percentiles averaged over the rounds (autocannon gives percentiles, not samples).
 */
function combine(loads: Load[]): Load {
  const requests = loads.reduce((n, l) => n + l.requests, 0);
  const seconds = loads.reduce((n, l) => n + l.requests / l.rps, 0);
  const cpu = loads.reduce((n, l) => n + l.cpuPerRequest * l.requests, 0);
  const statusCodes: Record<string, number> = {};
  for (const l of loads) for (const [code, n] of Object.entries(l.statusCodes)) statusCodes[code] = (statusCodes[code] ?? 0) + n;
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  return {
    rps: requests / seconds,
    p50: mean(loads.map((l) => l.p50)),
    p99: mean(loads.map((l) => l.p99)),
    requests,
    errors: loads.reduce((n, l) => n + l.errors, 0),
    non2xx: loads.reduce((n, l) => n + l.non2xx, 0),
    statusCodes,
    cpuPerRequest: requests > 0 ? cpu / requests : NaN,
  };
}

export interface ThroughputInput {
  appUrl: string;
  helloUrl: string;
  /** The app server's pid, for its CPU time (the hello-world runs in another process: no CPU figure for it). */
  serverPid: number;
  dynamicPath: string;
  sql: Sql;
  warmupSeconds: number;
  seconds: number;
  connections: number;
  /** The measured seconds per route are split into this many rounds, routes in turn. */
  rounds: number;
  phase: (name: string) => void;
  /** The public pages served from the page cache (or prerendered), by label and path. */
  publicPages: { label: string; path: string }[];
}

export async function measureThroughput(input: ThroughputInput): Promise<SectionResult> {
  const started = performance.now();
  // A member mid-way through the course (day 20), with access from a comp.
  const member = await createMember(input.sql, "lesson-reader", { startDaysAgo: 20 });
  const [lesson] = await input.sql<{ slug: string; title: string }[]>`
    select l.slug, l.title from lessons l join modules m on m.id = l.module_id
    where l.status = 'published' and l.release_offset_days <= 20
    order by l.release_offset_days desc, m.position, l.position limit 1`;
  if (!lesson) throw new Error("no open lesson in the seeded curriculum");
  const lessonUrl = `${input.appUrl}/dojo/lessons/${lesson.slug}`;
  // Make sure we measure the lesson itself, not a redirect to sign-in or pricing.
  const probe = await fetch(lessonUrl, { headers: { cookie: member.cookie }, redirect: "manual" });
  const probeBody = await probe.text();
  if (probe.status !== 200 || !probeBody.includes('class="lesson-prose"'))
    throw new Error(`the lesson page answered ${probe.status} without the lesson (${lesson.slug})`);

  const bodies = Array.from({ length: 12 }, (_, i) => JSON.stringify({ answers: answersFor(i) }));
  let next = 0;
  const targets: Record<string, Target> = {
    hello: { url: input.helloUrl },
    dynamic: { url: input.appUrl + input.dynamicPath },
    lesson: { url: lessonUrl, headers: { cookie: member.cookie } },
    quizApi: {
      url: `${input.appUrl}/api/quiz/responses`,
      method: "POST",
      headers: { "content-type": "application/json" },
      // Twelve different ways through the quiz, in turn: different prescriptions, as real traffic.
      requests: [{ method: "POST", setupRequest: (req) => ({ ...req, body: bodies[next++ % bodies.length] }) }],
    },
  };
  for (const page of input.publicPages) {
    targets[page.label] = { url: input.appUrl + page.path };
    // A cached page that answered with an error would be measured as fast: make sure it is the page.
    const res = await fetch(input.appUrl + page.path, { redirect: "manual" });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`the public page ${page.path} answered ${res.status}`);
  }
  // Warm every app route before measuring any: most of a request's code (the framework's
  // routing and rendering) is shared, so a route measured first would otherwise run on
  // colder JIT code than the ones after it, and the ratios would depend on the order.
  const appTargets = ["dynamic", "lesson", "quizApi", ...input.publicPages.map((p) => p.label)];
  input.phase("load:warm-up");
  for (let pass = 0; pass < 2; pass++) {
    for (const name of appTargets) await run(targets[name]!, input.connections, input.warmupSeconds, input.serverPid);
  }
  input.phase("load:hello");
  const hello = await run(targets.hello!, input.connections, input.seconds, input.serverPid);
  const rounds: Record<string, Load[]> = {};
  const perRound = Math.max(1, Math.round(input.seconds / input.rounds));
  for (let r = 0; r < input.rounds; r++) {
    for (const name of appTargets) {
      input.phase(`load:${name}`);
      (rounds[name] ??= []).push(await run(targets[name]!, input.connections, perRound, input.serverPid));
    }
  }
  input.phase("idle");
  const results = Object.fromEntries(Object.entries(rounds).map(([name, loads]) => [name, combine(loads)]));

  const dyn = { rps: results.dynamic!.rps, p99: results.dynamic!.p99, cpu: results.dynamic!.cpuPerRequest };
  // The same ratio from CPU cost: what requests/s would be on a core nobody else uses.
  const cpuNote = (l: Load) => `server CPU ${round(l.cpuPerRequest, 1)} ms/req vs ${round(dyn.cpu, 1)} (trivial): CPU ratio ${round(dyn.cpu / l.cpuPerRequest, 2)}`;
  const lessonR = results.lesson!;
  const quiz = results.quizApi!;
  const clean = (l: Load) => l.errors === 0 && l.non2xx === 0;
  const codes = (l: Load) => Object.entries(l.statusCodes).map(([c, n]) => `${c}×${n}`).join(" ");
  // How much the machine moved during the run: the control's rounds, slowest and fastest.
  const spread = (name: string) => {
    const rps = rounds[name]!.map((l) => l.rps);
    return `${round(Math.min(...rps), 0)}–${round(Math.max(...rps), 0)}`;
  };
  const dynNote = `${input.rounds} rounds of ${perRound} s, routes in turn; its rounds ran at ${spread("dynamic")} req/s`;

  const checks: Check[] = [
    { what: "Node http hello-world", raw: round(hello.rps, 0), unit: "req/s", target: "(ceiling)", holds: null, note: `p99 ${hello.p99} ms` },
    {
      what: "trivial dynamic page",
      raw: round(dyn.rps, 0),
      unit: "req/s",
      control: round(hello.rps, 0),
      controlName: "hello",
      ratio: round(dyn.rps / hello.rps, 3),
      target: "(control)",
      holds: null,
      note: [dynNote, `server CPU ${round(dyn.cpu, 1)} ms/req`].filter(Boolean).join("; "),
    },
    {
      what: "lesson page: requests/s",
      raw: round(lessonR.rps, 0),
      unit: "req/s",
      control: round(dyn.rps, 0),
      controlName: "trivial",
      ratio: round(lessonR.rps / dyn.rps, 2),
      target: "≥ 0.6× trivial",
      holds: lessonR.rps >= 0.6 * dyn.rps,
      note: cpuNote(lessonR),
    },
    {
      what: "lesson page: p99 latency",
      raw: lessonR.p99,
      unit: "ms",
      control: round(dyn.p99, 0),
      controlName: "trivial",
      ratio: round(lessonR.p99 / dyn.p99, 2),
      target: "≤ 2× trivial's p99",
      holds: lessonR.p99 <= 2 * dyn.p99,
      note: `p50 ${lessonR.p50} ms`,
    },
    { what: "lesson page: errors", raw: lessonR.errors + lessonR.non2xx, target: "0", holds: clean(lessonR), correctness: true, note: `${lessonR.requests} requests, ${codes(lessonR)}` },
    {
      what: "quiz API: requests/s",
      raw: round(quiz.rps, 0),
      unit: "req/s",
      control: round(dyn.rps, 0),
      controlName: "trivial",
      ratio: round(quiz.rps / dyn.rps, 2),
      target: "≥ 0.5× trivial",
      holds: quiz.rps >= 0.5 * dyn.rps,
      note: `p50 ${quiz.p50} ms, p99 ${quiz.p99} ms; ${cpuNote(quiz)}`,
    },
    { what: "quiz API: errors", raw: quiz.errors + quiz.non2xx, target: "0", holds: clean(quiz), correctness: true, note: `${quiz.requests} requests, ${codes(quiz)}` },
  ];
  // The front door: each public page from the page cache (or prerendered) at least five times the
  // trivial page, which renders something per request.
  for (const page of input.publicPages) {
    const r = results[page.label]!;
    checks.push(
      {
        what: `${page.label}: requests/s`,
        raw: round(r.rps, 0),
        unit: "req/s",
        control: round(dyn.rps, 0),
        controlName: "trivial",
        ratio: round(r.rps / dyn.rps, 2),
        target: "≥ 5× trivial",
        holds: r.rps >= 5 * dyn.rps,
        note: `p50 ${r.p50} ms, p99 ${r.p99} ms; ${cpuNote(r)}`,
      },
      { what: `${page.label}: errors`, raw: r.errors + r.non2xx, target: "0", holds: clean(r), correctness: true, note: `${r.requests} requests, ${codes(r)}` },
    );
  }
  // The control page itself must be clean, or the ratios mean nothing.
  const dynamicErrors = results.dynamic!.errors + results.dynamic!.non2xx;
  if (dynamicErrors > 0) checks.push({ what: "trivial dynamic page: errors", raw: dynamicErrors, target: "0", holds: false, correctness: true });
  return {
    name: "Throughput (autocannon, server on one core)",
    seconds: (performance.now() - started) / 1000,
    checks,
    details: { lesson: lesson.slug, connections: input.connections, seconds: input.seconds, hello, results, rounds },
  };
}
