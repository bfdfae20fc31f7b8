// The sender as a real process against PostgreSQL (PGlite cannot be shared
// between processes), sending 10,000 emails: stopped cleanly a third of the
// way in, killed with SIGKILL past halfway, started again each time, and every
// confirmed subscriber still gets the issue once.
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

describe.skipIf(!postgresTarget)("a sender stopped and killed mid-send, on postgres", () => {
  let handle: DbHandle;
  let url: string;
  let sink: SmtpSink;
  const children: ChildProcess[] = [];

  function startSender(): ChildProcess {
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join("scripts", "worker.ts")], {
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
    // postgres.js returns the rows as an array.
    const [row] = (await handle.db.execute(sql`select current_database() as name`)) as unknown as { name: string }[];
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
    const lastId = () => collector.seen.reduce((max, m) => Math.max(max, m.id), 0);
    const settle = () => new Promise((r) => setTimeout(r, 300));

    // 1. A clean stop (SIGTERM) a third of the way in: the sender finishes what it has in flight and exits.
    const first = startSender();
    const t0 = performance.now();
    await expect.poll(() => collector.count(), { timeout: 120_000, interval: 20 }).toBeGreaterThanOrEqual(TOTAL / 3);
    first.kill("SIGTERM");
    await exited(first);
    await settle();
    collector.count();
    const stoppedAt = lastId();
    const times = collector.seen.map((m) => m.at);
    const steady = (times.length - 1) / (((times.at(-1) ?? 0) - (times[0] ?? 0)) / 1000);
    const firstSeconds = (performance.now() - t0) / 1000;

    // 2. A crash (SIGKILL) past halfway: whatever was in flight is lost mid-conversation.
    const second = startSender();
    await expect.poll(() => collector.count(), { timeout: 120_000, interval: 20 }).toBeGreaterThanOrEqual(TOTAL / 2 + 500);
    second.kill("SIGKILL");
    await exited(second);
    await settle();
    collector.count();
    const killedAt = lastId();

    // 3. Started again, it finishes the issue.
    const third = startSender();
    await expect.poll(status, { timeout: 200_000, interval: 250 }).toBe("sent");
    third.kill("SIGTERM");
    await exited(third);
    await settle();
    collector.stop();

    const firstCopy = new Map<string, number>();
    const messageIds = new Map<string, Set<string>>();
    const repeats: { to: string; firstId: number }[] = [];
    for (const m of collector.seen) {
      messageIds.set(m.to, (messageIds.get(m.to) ?? new Set()).add(m.messageId));
      const seenAt = firstCopy.get(m.to);
      if (seenAt === undefined) firstCopy.set(m.to, m.id);
      else repeats.push({ to: m.to, firstId: seenAt });
    }
    const afterStop = repeats.filter((r) => r.firstId <= stoppedAt).length;
    const afterKill = repeats.filter((r) => r.firstId > stoppedAt && r.firstId <= killedAt).length;
    console.log(
      `crash test: ${stoppedAt} emails before SIGTERM in ${firstSeconds.toFixed(1)} s (steady ${steady.toFixed(0)}/s through the sink), ` +
        `SIGKILL at ${killedAt}, ${collector.seen.length} received in all; second copies after the clean stop: ${afterStop}, after the crash: ${afterKill}`,
    );

    expect(firstCopy.size).toBe(TOTAL);
    expect([...firstCopy.keys()].every((to) => /^reader\d+@example\.test$/.test(to))).toBe(true);
    // One message per recipient: the issue was enqueued once for each, whatever happened to the sender.
    expect([...messageIds.values()].every((ids) => ids.size === 1)).toBe(true);
    // A clean stop finishes its sends first: nobody gets anything twice.
    expect(afterStop).toBe(0);
    // SMTP cannot be exactly-once across a SIGKILL: a message the server accepted but the dead process had
    // not yet recorded is sent again after its lease, with the same Message-ID, so mail systems show it once.
    // That is at most the sends in flight at the moment of the kill.
    expect(afterKill).toBeLessThanOrEqual(CONNECTIONS);
    expect(repeats.length).toBe(afterKill);
    // A floor for gross regressions only; the measured rate is printed above (it varies with the machine's load).
    expect(steady).toBeGreaterThan(100);
  });
});
