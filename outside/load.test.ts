// Load without loss: 50 members writing check-ins and 20 coaches answering them
// for 60 s against PostgreSQL, every request through the app's own pages and
// server actions. Nothing may fail with a 5xx, and every check-in a member was
// told was sent, and every reply a coach was told was sent, is in the database
// exactly once (counted), with nothing else beside them. Latency is reported
// beside the trivial dynamic page's, measured in the same run.
//
// OUTSIDE_LOAD_SECONDS shortens the run while working on this file; CI runs 60.
import { randomBytes, randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as tables from "../db/schema";
import { Browser } from "./harness/http";
import { checkinFields, sentCheckinId, submissionOf } from "./harness/checkins";
import { actionNamed } from "./harness/routes";
import { enginesToTest } from "./harness/stack";
import { SESSION_COOKIE, stackWithWorld } from "./harness/world";

const MEMBERS = 50;
const COACHES = 20;
const SECONDS = Number(process.env.OUTSIDE_LOAD_SECONDS ?? "60");
/** A page rendered per request that touches no database: the control for "slow because of us". */
const TRIVIAL = "/signin/error?error=Verification";

function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

class Timings {
  readonly ms = new Map<string, number[]>();
  readonly statuses = new Map<string, number>();
  async time<T extends { status: number }>(what: string, run: () => Promise<T>): Promise<T> {
    const t0 = performance.now();
    const answer = await run();
    const list = this.ms.get(what) ?? [];
    list.push(performance.now() - t0);
    this.ms.set(what, list);
    const key = `${what} ${answer.status}`;
    this.statuses.set(key, (this.statuses.get(key) ?? 0) + 1);
    return answer;
  }
  serverErrors(): string[] {
    return [...this.statuses].filter(([k]) => / 5\d\d$/.test(k)).map(([k, n]) => `${k} ×${n}`);
  }
  table(): string {
    return [...this.ms]
      .map(([what, l]) => `${what.padEnd(22)} n=${String(l.length).padStart(5)}  p50 ${percentile(l, 50).toFixed(0).padStart(5)} ms  p99 ${percentile(l, 99).toFixed(0).padStart(5)} ms`)
      .join("\n");
  }
}

describe.runIf(enginesToTest().includes("postgres"))("load without loss on postgres", () => {
  const tokens = { members: [] as { id: string; token: string }[], coaches: [] as string[] };
  const ctx = stackWithWorld("postgres", {
    // 50 paying members and 20 coaches, each signed in with a session of their own.
    more: async (db) => {
      const person = async (role: "member" | "coach") => {
        const id = randomUUID();
        const token = randomBytes(32).toString("base64url");
        await db.insert(tables.users).values({ id, email: `load-${role}-${id.slice(0, 8)}@outside.example`, role, emailVerified: new Date() });
        await db.insert(tables.sessions).values({ sessionToken: token, userId: id, expires: new Date(Date.now() + 86_400_000) });
        return { id, token };
      };
      for (let i = 0; i < MEMBERS; i++) {
        const m = await person("member");
        await db.insert(tables.comps).values({ userId: m.id, endsAt: new Date(Date.now() + 30 * 86_400_000) });
        tokens.members.push(m);
      }
      for (let i = 0; i < COACHES; i++) tokens.coaches.push((await person("coach")).token);
    },
  });

  it(
    `${MEMBERS} members writing and ${COACHES} coaches replying for ${SECONDS} s: no 5xx, nothing lost, nothing twice`,
    async () => {
      const submit = actionNamed("submitCheckinAction");
      const claim = actionNamed("claimAction");
      const reply = actionNamed("replyAction");
      const timings = new Timings();
      const sent = new Set<string>(); // check-in ids members were told were sent
      const answered = new Map<string, number>(); // check-in id → replies coaches were told were sent
      const refusedReplies: string[] = [];
      const deadline = Date.now() + SECONDS * 1000;
      const base = ctx.stack.url;

      const member = async ({ token }: { token: string }) => {
        const browser = new Browser(base, { [SESSION_COOKIE]: token });
        while (Date.now() < deadline) {
          const form = await timings.time("check-in form", () => browser.get("/dojo/check-ins/new"));
          const submission = submissionOf(form.text);
          if (!submission) continue;
          const fields = checkinFields(submission, `Load ${submission}: a hard evening, but I did not text back.`);
          const answer = await timings.time("check-in submit", () => browser.action("/dojo/check-ins/new", submit.id, fields));
          const id = sentCheckinId(answer.redirect);
          if (id) sent.add(id);
        }
      };

      const coach = async (token: string) => {
        const browser = new Browser(base, { [SESSION_COOKIE]: token });
        while (Date.now() < deadline) {
          const queue = await timings.time("coach queue", () => browser.get("/coach/check-ins"));
          const ids = [...new Set([...queue.text.matchAll(/\/coach\/check-ins\/([0-9a-f-]{36})/g)].map((m) => m[1] ?? ""))];
          const id = ids[Math.floor(Math.random() * Math.min(ids.length, 10))];
          if (!id) {
            await new Promise((r) => setTimeout(r, 100));
            continue;
          }
          const page = `/coach/check-ins/${id}`;
          const claimed = await timings.time("coach claim", () => browser.action(page, claim.id, { checkinId: id }));
          if ((claimed.result as { ok?: boolean } | undefined)?.ok !== true) continue; // another coach has it: pick again
          const replied = await timings.time("coach reply", () => browser.action(page, reply.id, { checkinId: id, body: "Thank you for writing this down. What helped you not reply?" }));
          const result = replied.result as { ok?: boolean; error?: string } | undefined;
          if (result?.ok === true) answered.set(id, (answered.get(id) ?? 0) + 1);
          else refusedReplies.push(result?.error ?? `status ${replied.status}`);
        }
      };

      const trivial = async () => {
        const browser = new Browser(base);
        while (Date.now() < deadline) await timings.time("trivial dynamic page", () => browser.get(TRIVIAL));
      };

      await Promise.all([...tokens.members.map(member), ...tokens.coaches.map(coach), trivial(), trivial()]);

      const memberIds = tokens.members.map((m) => m.id);
      const stored = await ctx.stack.db.rows<{ id: string; replies: number | string }>(
        sql`select c.id, (select count(*) from checkin_replies r where r.checkin_id = c.id) as replies
            from checkins c where c.user_id in (${sql.join(memberIds.map((id) => sql`${id}`), sql`, `)}) and c.status <> 'draft'`,
      );
      const storedIds = new Set(stored.map((r) => r.id));
      // Coaches may also answer check-ins that were waiting before the run (the world's): count replies where they went.
      const answeredIds = [...answered.keys()];
      const repliesStored = Number(
        (
          await ctx.stack.db.rows<{ n: number | string }>(
            sql`select count(*) as n from checkin_replies where checkin_id in (${sql.join([...new Set([...answeredIds, ...storedIds])].map((id) => sql`${id}`), sql`, `)})`,
          )
        )[0]?.n ?? 0,
      );
      const lost = [...sent].filter((id) => !storedIds.has(id));
      const unannounced = [...storedIds].filter((id) => !sent.has(id));
      const twiceAnswered = stored.filter((r) => Number(r.replies) > 1);
      const repliesTold = [...answered.values()].reduce((a, b) => a + b, 0);

      const summary = [
        `load: ${MEMBERS} members + ${COACHES} coaches for ${SECONDS} s on PostgreSQL, one instance`,
        timings.table(),
        `check-ins: ${sent.size} sent, ${stored.length} stored, ${lost.length} lost, ${unannounced.length} stored but not confirmed`,
        `replies: ${repliesTold} sent, ${repliesStored} stored, ${twiceAnswered.length} check-ins answered twice, ${refusedReplies.length} refused after a claim`,
        `HTTP: ${[...timings.statuses].map(([k, n]) => `${k} ×${n}`).join(", ")}`,
      ].join("\n");
      console.log(summary);

      expect(timings.serverErrors()).toEqual([]);
      expect(sent.size).toBeGreaterThan(MEMBERS); // every member got more than one check-in through
      expect(lost).toEqual([]);
      expect(unannounced).toEqual([]);
      expect(stored).toHaveLength(sent.size);
      expect(twiceAnswered).toEqual([]);
      expect(repliesStored).toBe(repliesTold);
      expect(repliesTold).toBeGreaterThan(0);
      expect(refusedReplies).toEqual([]);
    },
    SECONDS * 1000 + 120_000,
  );
});
