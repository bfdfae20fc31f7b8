// The sender as a real process against PostgreSQL (PGlite cannot be shared
// between processes): killed with SIGKILL halfway through 10,000 emails,
// started again, and every confirmed subscriber still gets the issue once.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { newsletterIssues } from "@/db/schema";
import { testDatabases } from "@/db/testing";
import { startSmtpSink, type SmtpSink } from "@/dev/smtp-sink/server";
import { collectSink, makeUser, seedSubscribers } from "./testing";

const postgresTarget = testDatabases().find((t) => t.kind === "postgres");
const TOTAL = 10_000;
const CONNECTIONS = 8;

describe.skipIf(!postgresTarget)("a sender killed mid-send, on postgres", () => {
  let handle: DbHandle;
  let url: string;
  let sink: SmtpSink;
  const children: ChildProcess[] = [];

  function startSender(): ChildProcess {
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join("lib", "newsletter", "sender-process.ts")], {
      cwd: process.cwd(),
      env: {
        PATH: process.env.PATH,
        NODE_ENV: "test",
        DATABASE_URL: url,
        APP_URL: "https://dojo.test",
        EMAIL_SERVER: `smtp://127.0.0.1:${sink.smtpPort}`,
        EMAIL_FROM: '"Letters" <letters@dojo.test>',
        EMAIL_SMTP_CONNECTIONS: String(CONNECTIONS),
        NEWSLETTER_SEND_RATE: "1000",
        EMAIL_LEASE_SECONDS: "5",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("exit", (code, signal) => {
      if (code !== 0 && signal === null) console.error(`sender exited with ${code}: ${stderr}`);
    });
    children.push(child);
    return child;
  }
  const exited = (child: ChildProcess) => new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once("exit", () => resolve())));

  beforeAll(async () => {
    if (!postgresTarget) return;
    handle = await postgresTarget.open();
    const [row] = await handle.db.execute<{ name: string }>(sql`select current_database() as name`);
    const u = new URL(process.env.DATABASE_URL ?? "");
    u.pathname = `/${row?.name}`;
    url = u.toString();
    sink = await startSmtpSink();
  });
  afterAll(async () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
    await Promise.all(children.map(exited));
    await sink?.close();
    await handle?.close();
  });

  it("still reaches every confirmed subscriber once, and nobody else", { timeout: 300_000 }, async () => {
    const coach = await makeUser(handle, "coach@dojo.test", "coach");
    await seedSubscribers(handle, TOTAL, "confirmed", "reader");
    await seedSubscribers(handle, 200, "pending", "pending");
    await seedSubscribers(handle, 200, "unsubscribed", "gone");
    const [issue] = await handle.db
      .insert(newsletterIssues)
      .values({ subject: "Still here", bodyMd: "A letter that survives a crash.", status: "scheduled", scheduledAt: new Date(), createdBy: coach.id })
      .returning({ id: newsletterIssues.id });
    const status = async () => (await handle.db.select({ s: newsletterIssues.status }).from(newsletterIssues).where(eq(newsletterIssues.id, issue?.id ?? 0)))[0]?.s;
    const collector = collectSink(sink);

    const first = startSender();
    const t0 = performance.now();
    await expect.poll(() => collector.count(), { timeout: 120_000, interval: 20 }).toBeGreaterThanOrEqual(TOTAL / 2);
    first.kill("SIGKILL");
    await exited(first);
    const firstRun = collector.count();
    const firstSeconds = (performance.now() - t0) / 1000;
    const firstTimes = collector.seen.map((m) => m.at);
    const steady = (firstTimes.length - 1) / (((firstTimes.at(-1) ?? 0) - (firstTimes[0] ?? 0)) / 1000);

    const second = startSender();
    await expect.poll(status, { timeout: 200_000, interval: 250 }).toBe("sent");
    second.kill("SIGTERM");
    await exited(second);
    await new Promise((r) => setTimeout(r, 300));
    collector.stop();

    const byRecipient = new Map<string, Set<string>>();
    const copies = new Map<string, number>();
    for (const m of collector.seen) {
      byRecipient.set(m.to, (byRecipient.get(m.to) ?? new Set()).add(m.messageId));
      copies.set(m.to, (copies.get(m.to) ?? 0) + 1);
    }
    const repeated = [...copies.values()].filter((n) => n > 1).length;
    console.log(
      `crash test: ${firstRun} emails before SIGKILL in ${firstSeconds.toFixed(1)} s (steady ${steady.toFixed(0)}/s through the sink), ` +
        `${collector.seen.length} in all; recipients with a second copy of the same message (in flight at the kill): ${repeated}`,
    );

    expect(byRecipient.size).toBe(TOTAL);
    expect([...byRecipient.keys()].every((to) => /^reader\d+@example\.test$/.test(to))).toBe(true);
    // One message per recipient: the issue was enqueued once for each, whatever the crash.
    expect([...byRecipient.values()].every((ids) => ids.size === 1)).toBe(true);
    // SMTP cannot be exactly-once across a SIGKILL: a message the server had accepted but the dead
    // process had not yet recorded is sent again, with the same Message-ID so mail systems drop it.
    // That is at most the sends in flight at the moment of the kill.
    expect(repeated).toBeLessThanOrEqual(CONNECTIONS);
    expect(steady).toBeGreaterThan(200);
  });
});
