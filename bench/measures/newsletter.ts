// A newsletter issue to every confirmed subscriber (10,000 in the full run),
// end to end: the coach presses "send now", the app's sender
// (scripts/worker.ts, a worker process beside the web server)
// fixes the recipients and feeds the outbox at NEWSLETTER_SEND_RATE, the email
// workers (the sender's and the web server's own) deliver over SMTP to the sink.
// The clock runs from "send now" to the last message in the sink. Exactly once:
// the sink saw every recipient once, every Message-ID once, and the outbox agrees.
import type { Sql } from "../lib/database";
import { runToEnd, start, tsNode, tsWorker, type Proc } from "../lib/procs";
import type { Check, SectionResult } from "../lib/report";
import { ALL_CPUS } from "../lib/stack";
import { round } from "../lib/stats";

interface SinkStats {
  count: number;
  gaps: number;
  first: number | null;
  last: number | null;
  recipients: number;
  duplicateRecipients: number;
  messageIds: number;
  duplicateMessageIds: number;
}

export interface NewsletterInput {
  repo: string;
  buildDir: string;
  sql: Sql;
  appEnv: Record<string, string>;
  sinkStatsUrl: string;
  coach: { id: string; email: string };
  expected: number;
  phase: (n: string) => void;
}

const stats = async (url: string) => (await (await fetch(`${url}/stats`)).json()) as SinkStats;

async function untilDelivered(input: NewsletterInput, n: number, timeoutMs: number): Promise<SinkStats> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const s = await stats(input.sinkStatsUrl);
    if (s.count >= n || Date.now() > deadline) return s;
    await new Promise((r) => setTimeout(r, 200));
  }
}

export async function measureNewsletter(input: NewsletterInput): Promise<SectionResult> {
  const started = performance.now();
  const confirmed = Number((await input.sql`select count(*)::int as n from newsletter_subscribers where status = 'confirmed'`)[0]!.n);
  await fetch(`${input.sinkStatsUrl}/reset`, { method: "POST" });
  const outboxBefore = Number((await input.sql`select coalesce(max(id), 0)::bigint as n from email_outbox`)[0]!.n);

  // The sender runs as the deployment would run it: its own process, both cores, the app's environment.
  const sender: Proc = start("newsletter-sender", ...tsNode("scripts/worker.ts", ["react-server"]), {
    cwd: input.buildDir,
    cpus: ALL_CPUS,
    env: input.appEnv,
  });
  let mode: "issue" | "outbox" = "issue";
  let fallbackReason: string | undefined;
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the newsletter sender did not start:\n${sender.tail()}`)), 60_000);
      const onData = (chunk: Buffer) => {
        if (chunk.toString().includes("worker: running")) {
          clearTimeout(timer);
          resolve();
        }
      };
      sender.child.stdout?.on("data", onData);
      sender.exited.then((code) => reject(new Error(`the newsletter sender exited (${code}):\n${sender.tail()}`)));
    });

    input.phase("newsletter");
    const out = await runToEnd("newsletter-start", ...tsWorker(input.repo, "bench/workers/newsletter.ts"), {
      cwd: input.repo,
      env: { ...input.appEnv, BENCH_COACH_ID: input.coach.id, BENCH_COACH_EMAIL: input.coach.email },
    });
    const line = out.split("\n").find((l) => l.startsWith("RESULT "));
    if (!line) throw new Error(`the newsletter worker printed no result:\n${out.slice(-2000)}`);
    const r = JSON.parse(line.slice(7)) as { issueId?: number; recipients?: number; startedAt?: number; fallback?: string };
    let startedAt = r.startedAt ?? Date.now();
    let expected = r.recipients ?? confirmed;
    if (r.fallback) {
      // The newsletter API is not there: the same number of emails straight into the outbox, delivered by the same workers.
      mode = "outbox";
      fallbackReason = r.fallback;
      startedAt = Date.now();
      expected = input.expected;
      await input.sql`
        insert into email_outbox (to_address, subject, text_body, html_body, dedupe_key)
        select 'reader' || n || '@example.test', 'Ex-communication: a note for the week', repeat('Some weeks are quieter than others. ', 30),
               '<p>' || repeat('Some weeks are quieter than others. ', 30) || '</p>', 'bench-outbox-' || n
        from generate_series(1, ${input.expected}::int) n`;
    }
    const s = await untilDelivered(input, expected, Math.max(120_000, expected * 20));
    const finishedAt = s.last ?? Date.now();
    // Give the workers a moment to record the last sends, then compare with the outbox.
    await new Promise((res) => setTimeout(res, 1500));
    const [outbox] = await input.sql<{ total: number; sent: number; other: number }[]>`
      select count(*)::int as total, (count(*) filter (where status = 'sent'))::int as sent, (count(*) filter (where status <> 'sent'))::int as other
      from email_outbox where id > ${outboxBefore}`;
    const issue = r.issueId
      ? (await input.sql<{ status: string; sent_count: number | null }[]>`select status, sent_count from newsletter_issues where id = ${r.issueId}`)[0]
      : undefined;
    const after = await stats(input.sinkStatsUrl);
    const seconds = (finishedAt - startedAt) / 1000;
    const rate = after.count / seconds;
    const steady = after.first && after.last && after.last > after.first ? after.count / ((after.last - after.first) / 1000) : NaN;
    const exactlyOnce =
      after.count === expected && after.recipients === expected && after.duplicateRecipients === 0 && after.duplicateMessageIds === 0 && after.gaps === 0 && outbox?.sent === expected && outbox.other === 0;
    const label = mode === "issue" ? "newsletter issue" : "outbox emails (fallback)";
    const checks: Check[] = [
      {
        what: `${label}: emails/s`,
        raw: round(rate, 0),
        unit: "/s",
        target: "≥ 200 emails/s",
        holds: rate >= 200,
        note: `${after.count.toLocaleString("en")} emails in ${round(seconds, 1)} s from "send now" (steady ${round(steady, 0)}/s); NEWSLETTER_SEND_RATE ${input.appEnv.NEWSLETTER_SEND_RATE ?? "300 (default)"}${fallbackReason ? `; fallback: ${fallbackReason}` : ""}`,
      },
      {
        what: `${label}: exactly once`,
        raw: `${after.recipients.toLocaleString("en")}/${expected.toLocaleString("en")} recipients`,
        target: "each once",
        holds: exactlyOnce,
        correctness: true,
        note: `duplicates ${after.duplicateRecipients}, repeated Message-IDs ${after.duplicateMessageIds}, outbox sent ${outbox?.sent}/${outbox?.total}${issue ? `, issue ${issue.status} (${issue.sent_count ?? "–"} sent)` : ""}`,
      },
    ];
    return {
      name: mode === "issue" ? "Newsletter" : "Newsletter (outbox fallback)",
      seconds: (performance.now() - started) / 1000,
      checks,
      details: { mode, fallbackReason, expected, confirmed, sink: after, outbox, issue, seconds, rate, steady },
    };
  } finally {
    input.phase("idle");
    await sender.stop();
  }
}
