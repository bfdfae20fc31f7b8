import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { seed } from "@/db/seed";
import { checkins, comps, lessonProgress, lessons, modules, mrrChanges, newsletterIssues, newsletterSubscribers, plans, products, purchases, subscriptions, users } from "@/db/schema";
import { openFreshTestDatabase, testDatabases } from "@/db/testing";
import type { CurrentUser } from "@/lib/auth/current-user";
import { ForbiddenError } from "@/lib/auth/sessions";
import { recordChurnOfDeletedAccount, recordRevenueChange } from "@/lib/billing/history";
import { replyToCheckin } from "@/lib/checkins/coach";
import { recordFunnelStep } from "@/lib/quiz/funnel";
import { careReport } from "./care";
import { funnelReport } from "./funnel";
import { moneyReport } from "./money";
import { newsletterReport } from "./newsletter";
import { dashboardTable } from "./report";
import { tableCsv, type DataTable } from "./table";
import { dayRange } from "./zone";

const NY = "America/New_York";
const at = (iso: string) => new Date(iso);
const rowOf = (t: DataTable, first: string) => t.rows.find((r) => r[0] === first);
const tableOf = (tables: DataTable[], id: string) => tables.find((t) => t.id === id)!;

// Fixtures straddle a month boundary that New York and UTC see differently: 2026-02-01T03:30Z is
// still January 31 in New York (UTC−5), and 2026-03-01T02:00Z is still February 28 there.
describe.each(testDatabases())("the owner's dashboard on $kind", (target) => {
  let handle: DbHandle;
  let admin: CurrentUser;
  let coach: CurrentUser;
  let member: CurrentUser;
  const person = async (tag: string, role: "member" | "coach" | "admin", name?: string): Promise<CurrentUser> => {
    const id = `u-${tag}`;
    await handle.db.insert(users).values({ id, email: `${tag}@example.com`, role, name: name ?? null });
    return { id, email: `${tag}@example.com`, role, timeZone: "UTC", sessionToken: "t" };
  };

  beforeAll(async () => {
    handle = await openFreshTestDatabase(target);
    await seed(handle.db);
    admin = await person("admin", "admin", "Ada");
    coach = await person("coach", "coach", "Cleo");
    member = await person("member", "member");
  });
  afterAll(() => handle.close());

  describe("the funnel", () => {
    beforeAll(async () => {
      const step = (s: Parameters<typeof recordFunnelStep>[1]) => recordFunnelStep(handle.db, s);
      await step({ step: "started", version: 1, at: at("2026-02-01T03:30:00Z") }); // New York: Jan 31
      await step({ step: "started", version: 1, at: at("2026-02-01T06:00:00Z") });
      await step({ step: "started", version: 1, at: at("2026-02-01T06:05:00Z") });
      await step({ step: "answered", version: 1, questionId: "when", at: at("2026-02-01T06:10:00Z") });
      await step({ step: "answered", version: 1, questionId: "when", at: at("2026-02-01T06:11:00Z") });
      await step({ step: "completed", version: 1, prescriptionId: "stay_the_course", at: at("2026-02-01T06:20:00Z") });
      await step({ step: "result_viewed", version: 1, prescriptionId: "stay_the_course", at: at("2026-02-01T06:21:00Z") });
      await step({ step: "dojo_clicked", prescriptionId: "stay_the_course", at: at("2026-02-02T10:00:00Z") });
      await step({ step: "signed_up", at: at("2026-02-02T10:05:00Z") });
      await step({ step: "claimed", prescriptionId: "stay_the_course", at: at("2026-02-02T10:06:00Z") });
      await step({ step: "checkout_started", prescriptionId: "stay_the_course", at: at("2026-02-02T10:07:00Z") });
      await step({ step: "trial_started", prescriptionId: "stay_the_course", at: at("2026-02-02T10:08:00Z") });
      await step({ step: "paid", prescriptionId: "stay_the_course", at: at("2026-03-01T02:00:00Z") }); // New York: Feb 28
    });

    it("counts each step in the period's days, in the dashboard's time zone", async () => {
      const ny = await funnelReport(coach, dayRange("2026-02-01", "2026-02-28", NY));
      expect(Object.fromEntries(ny.steps.map((s) => [s.step, s.count]))).toEqual({
        started: 2,
        completed: 1,
        result_viewed: 1,
        dojo_clicked: 1,
        signed_up: 1,
        checkout_started: 1,
        trial_started: 1,
        paid: 1,
      });
      const utc = await funnelReport(coach, dayRange("2026-02-01", "2026-02-28", "UTC"));
      expect(utc.steps.find((s) => s.step === "started")?.count).toBe(3);
      expect(utc.steps.find((s) => s.step === "paid")?.count).toBe(0); // March in UTC
      const jan = await funnelReport(coach, dayRange("2026-01-31", "2026-01-31", NY));
      expect(jan.steps.find((s) => s.step === "started")?.count).toBe(1);
      expect(rowOf(tableOf(ny.tables, "funnel"), "Quiz finished")).toEqual(["Quiz finished", 1, 50, 50]);
    });

    it("shows drop-off per question of each version, and conversion by prescription", async () => {
      const ny = await funnelReport(coach, dayRange("2026-02-01", "2026-02-28", NY));
      const questions = tableOf(ny.tables, "questions");
      expect(questions.rows[0]).toEqual(["v1", "Started", 2, 100, null]);
      const when = questions.rows[1]!;
      expect(when.slice(2)).toEqual([2, 100, 0]);
      // v1's last question is shown only to some, so "fewer than before" stays empty from there on.
      expect(questions.rows.at(-1)).toEqual(["v1", "Finished", 1, 50, null]);
      const safety = questions.rows[2]!; // asked of everyone after "when", answered by nobody here: both lost
      expect(safety.slice(2)).toEqual([0, 0, 2]);
      expect(questions.rows.find((r) => r[1] === "Who ended it?")?.slice(2)).toEqual([0, 0, null]); // shown only when it is safe to go on
      const rx = tableOf(ny.tables, "prescriptions");
      expect(rx.rows).toHaveLength(1);
      expect(rx.rows[0]!.slice(1)).toEqual([1, 1, 1, 1, 1, 1, 100]);
    });
  });

  describe("the money", () => {
    beforeAll(async () => {
      await handle.db.insert(plans).values([
        { id: "premium", name: "Premium", interval: "month", amountCents: 4900, currency: "usd", stripePriceId: "price_premium" },
        { id: "yen", name: "Monthly (yen)", interval: "month", amountCents: 1200, currency: "jpy", stripePriceId: "price_yen" },
      ]);
      const sub = async (id: string, userId: string, status: string, price: string, extra: Partial<typeof subscriptions.$inferInsert> = {}) => {
        await handle.db
          .insert(subscriptions)
          .values({ id, userId, stripeCustomerId: `cus_${id}`, status, stripePriceId: price, ...extra })
          .onConflictDoUpdate({ target: subscriptions.id, set: { status, stripePriceId: price } });
      };
      const change = (id: string, when: string) => handle.db.transaction((tx) => recordRevenueChange(tx, id, at(when)));
      const owners = await Promise.all(["a", "b", "c", "d", "e"].map((t) => person(`payer-${t}`, "member")));
      // A: pays monthly from New York's January 31 (UTC: February 1), stops on New York's February 28 (UTC: March 1).
      await sub("sub_a", owners[0]!.id, "active", "price_dojo_monthly");
      await change("sub_a", "2026-02-01T04:30:00Z");
      // B: monthly on February 10, then premium on February 12 (+30.00).
      await sub("sub_b", owners[1]!.id, "active", "price_dojo_monthly");
      await change("sub_b", "2026-02-10T12:00:00Z");
      await sub("sub_b", owners[1]!.id, "active", "price_premium");
      await change("sub_b", "2026-02-12T12:00:00Z");
      await sub("sub_a", owners[0]!.id, "canceled", "price_dojo_monthly");
      await change("sub_a", "2026-03-01T02:00:00Z");
      // C pays in yen (no minor units).
      await sub("sub_c", owners[2]!.id, "active", "price_yen");
      await change("sub_c", "2026-02-05T12:00:00Z");
      // Two trials ended in February: D went on to pay, E did not.
      await sub("sub_d", owners[3]!.id, "trialing", "price_dojo_yearly", { trialEnd: at("2026-02-03T12:00:00Z") });
      await change("sub_d", "2026-01-27T12:00:00Z");
      await sub("sub_d", owners[3]!.id, "active", "price_dojo_yearly");
      await change("sub_d", "2026-02-03T12:00:00Z");
      await sub("sub_e", owners[4]!.id, "trialing", "price_dojo_monthly", { trialEnd: at("2026-02-04T12:00:00Z") });
      await change("sub_e", "2026-01-28T12:00:00Z");
      await sub("sub_e", owners[4]!.id, "canceled", "price_dojo_monthly");
      await change("sub_e", "2026-02-04T12:00:00Z");
      // One-time sales of a 25.00 workbook: the first on New York's January 31 (UTC: February 1),
      // then one refunded in full, one lost to a dispute, one kept after a 5.00 partial refund.
      const [workbook] = await handle.db.insert(products).values({ slug: "dash-workbook", title: "Workbook", priceCents: 2500, status: "published" }).returning({ id: products.id });
      const sale = (n: number, paidAt: string, status: "paid" | "refunded" | "lost", refunded = 0) =>
        ({ productId: workbook!.id, productTitle: "Workbook", checkoutSessionId: `cs_dash_${n}`, paymentIntentId: `pi_dash_${n}`, amountCents: 2500, currency: "usd", status, amountRefundedCents: refunded, paidAt: at(paidAt) });
      await handle.db.insert(purchases).values([
        sale(1, "2026-02-01T03:00:00Z", "paid"),
        sale(2, "2026-02-10T12:00:00Z", "refunded", 2500),
        sale(3, "2026-02-15T12:00:00Z", "lost"),
        sale(4, "2026-02-20T12:00:00Z", "paid", 500),
      ]);
    });

    it("puts one-time sales beside MRR, net of refunds and lost disputes, by month in the dashboard's zone", async () => {
      const now = at("2026-03-05T00:00:00Z");
      const usd = (m: number) => ({ minor: m, currency: "usd" });
      const ny = await moneyReport(admin, dayRange("2026-01-01", "2026-02-28", NY), now);
      expect(tableOf(ny.tables, "one-time").rows).toEqual([
        ["2026-01", "USD", 1, usd(2500), usd(0), usd(0), usd(2500)],
        ["2026-02", "USD", 3, usd(7500), usd(3000), usd(2500), usd(2000)],
      ]);
      expect(ny.oneTime).toEqual([{ currency: "usd", minor: 4500 }]);
      const utc = await moneyReport(admin, dayRange("2026-02-01", "2026-02-28", "UTC"), now);
      expect(tableOf(utc.tables, "one-time").rows).toEqual([["2026-02", "USD", 4, usd(10000), usd(3000), usd(2500), usd(4500)]]);
      expect(rowOf(tableOf(utc.tables, "revenue"), "One-time sales, net (this period)")).toEqual(["One-time sales, net (this period)", "USD", usd(4500)]);
    });

    it("builds MRR month by month from the recorded changes, in the dashboard's zone", async () => {
      const now = at("2026-03-05T00:00:00Z");
      const ny = await moneyReport(admin, dayRange("2026-01-01", "2026-02-28", NY), now);
      const mrr = tableOf(ny.tables, "mrr");
      const usd = (m: number) => ({ minor: m, currency: "usd" });
      // January: A joined (19.00) and D's trial had not paid yet.
      const usdRow = (t: DataTable, month: string) => t.rows.find((r) => r[0] === month && r[1] === "USD");
      expect(usdRow(mrr, "2026-01")).toEqual(["2026-01", "USD", usd(1900), usd(0), usd(0), usd(0), usd(1900), usd(1900), 0, 0, null]);
      // February: B (19.00) and D (159.00 a year = 13.25 a month) new, B's upgrade +30.00, A gone (−19.00).
      expect(mrr.rows.filter((r) => r[0] === "2026-02" && r[1] === "USD")).toEqual([
        ["2026-02", "USD", usd(3225), usd(3000), usd(0), usd(-1900), usd(4325), usd(6225), 1, 1, 100],
      ]);
      const utc = await moneyReport(admin, dayRange("2026-01-01", "2026-02-28", "UTC"), now);
      const utcMrr = tableOf(utc.tables, "mrr");
      expect(usdRow(utcMrr, "2026-01")?.[7]).toEqual(usd(0));
      expect(mrr.rows.find((r) => r[0] === "2026-02" && r[1] === "JPY")?.slice(2, 8)).toEqual([1200, 0, 0, 0, 1200, 1200].map((m) => ({ minor: m, currency: "jpy" })));
      expect(utcMrr.rows.find((r) => r[0] === "2026-02" && r[1] === "USD")?.slice(2, 8)).toEqual([usd(5125), usd(3000), usd(0), usd(0), usd(8125), usd(8125)]);
    });

    it("counts members by status, MRR now per currency, revenue by plan and trial-to-paid", async () => {
      const report = await moneyReport(admin, dayRange("2026-02-01", "2026-02-28", NY), at("2026-03-05T00:00:00Z"));
      expect(report.counts).toEqual({ active: 3, trialing: 0, pastDue: 0 });
      expect(report.mrr).toEqual([
        { currency: "jpy", minor: 1200 },
        { currency: "usd", minor: 4900 + 1325 },
      ]);
      expect(report.trialToPaid).toBe(50);
      const byPlan = tableOf(report.tables, "plans");
      expect(rowOf(byPlan, "Premium")).toEqual(["Premium", "monthly", "USD", 1, { minor: 4900, currency: "usd" }]);
      expect(rowOf(byPlan, "Monthly (yen)")).toEqual(["Monthly (yen)", "monthly", "JPY", 1, { minor: 1200, currency: "jpy" }]);
      const csv = tableCsv(tableOf(report.tables, "revenue"));
      expect(csv).toBe(
        'Revenue,Currency,Amount\r\n"Memberships, monthly recurring (now)",JPY,1200\r\n"Memberships, monthly recurring (now)",USD,62.25\r\n"One-time sales, net (this period)",USD,20.00\r\n',
      );
    });

    it("is for admins only: a coach is refused, on the page's data and on the CSV alike", async () => {
      const range = dayRange("2026-02-01", "2026-02-28", NY);
      await expect(moneyReport(coach, range)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(dashboardTable(coach, "mrr", {}, true)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(funnelReport(member, range)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(dashboardTable(member, "funnel", {}, false)).rejects.toBeInstanceOf(ForbiddenError);
      // A coach asking the coaches' download for a money table finds nothing.
      expect(await dashboardTable(coach, "mrr", {}, false)).toBeNull();
      expect((await dashboardTable(coach, "funnel", {}, false))?.table.id).toBe("funnel");
    });
  });

  describe("the care", () => {
    let m1: CurrentUser;
    let m3: CurrentUser;
    beforeAll(async () => {
      m1 = await person("quiet-one", "member", "Quinn");
      const m2 = await person("busy-one", "member");
      m3 = await person("never-one", "member");
      await person("no-access", "member");
      const now = Date.now();
      await handle.db.insert(subscriptions).values([
        { id: "sub_q1", userId: m1.id, stripeCustomerId: "cus_q1", status: "active" },
        { id: "sub_q2", userId: m2.id, stripeCustomerId: "cus_q2", status: "active" },
      ]);
      await handle.db.insert(comps).values({ userId: m3.id, endsAt: new Date(now + 30 * 86_400_000) });
      const checkin = async (userId: string, status: "waiting" | "replied", submitted: Date, urgent = false) => {
        const id = randomUUID();
        await handle.db.insert(checkins).values({ id, userId, status, contentEnc: "x", urgent, createdAt: submitted, submittedAt: submitted });
        return id;
      };
      await checkin(m1.id, "replied", new Date(now - 20 * 86_400_000));
      await checkin(m2.id, "replied", new Date(now - 3 * 86_400_000));
      // What submitCheckin keeps on the member when a check-in goes to a coach.
      await handle.db.update(users).set({ lastCheckinAt: new Date(now - 20 * 86_400_000) }).where(eq(users.id, m1.id));
      await handle.db.update(users).set({ lastCheckinAt: new Date(now - 3 * 86_400_000) }).where(eq(users.id, m2.id));
      await checkin(m2.id, "waiting", new Date(now - 3_600_000), true);
      // Replies in New York's week of Monday February 2: 30 min, 2 h and 10 h; the next week one of 26 h by another coach.
      const other = await person("coach-two", "coach", "Otto");
      const answer = async (who: CurrentUser, submitted: string, waitMinutes: number) => {
        const id = await checkin(m2.id, "waiting", at(submitted));
        const outcome = await replyToCheckin(who, id, { body: "Thanks for writing." }, new Date(at(submitted).getTime() + waitMinutes * 60_000));
        expect(outcome.ok).toBe(true);
      };
      await answer(coach, "2026-02-02T14:00:00Z", 30);
      await answer(coach, "2026-02-03T14:00:00Z", 120);
      await answer(coach, "2026-02-04T14:00:00Z", 600);
      await answer(other, "2026-02-10T14:00:00Z", 26 * 60);
      // Lessons: two members finished the first lesson, one the second.
      const [mod] = await handle.db.select({ id: modules.id }).from(modules).orderBy(modules.position).limit(1);
      const first = await handle.db.select({ id: lessons.id }).from(lessons).where(eq(lessons.moduleId, mod!.id)).orderBy(lessons.position).limit(2);
      await handle.db.insert(lessonProgress).values([
        { userId: m1.id, lessonId: first[0]!.id },
        { userId: m2.id, lessonId: first[0]!.id },
        { userId: m2.id, lessonId: first[1]!.id },
      ]);
    });

    it("reads what waits, reply times per week and per coach against the target, and who has gone quiet", async () => {
      const care = await careReport(coach, dayRange("2026-02-01", "2026-02-28", NY));
      expect([care.waiting, care.urgentWaiting]).toEqual([1, 1]);
      const weeks = tableOf(care.tables, "reply-weeks");
      // 30 min, 2 h, 10 h: the median falls in the 90–120 min bucket, half-way through it (interpolated); all within 24 h.
      expect(weeks.rows).toEqual([
        ["2026-02-02", 3, 105, 600 - 0.3 * 120, 100],
        ["2026-02-09", 1, 1440 + 0.5 * 360, 1440 + 0.9 * 360, 0],
      ]);
      const coaches = tableOf(care.tables, "reply-coaches");
      expect(coaches.rows.map((r) => [r[0], r[1]])).toEqual([
        ["Cleo", 3],
        ["Otto", 1],
      ]);
      // The three paying members of the money fixtures never checked in either.
      expect(care.quiet.total).toBe(5);
      expect(care.quiet.members.map((m) => m.email)).toEqual([m3.email, "payer-b@example.com", "payer-c@example.com", "payer-d@example.com", m1.email]); // never first, then the longest quiet
      const lessonsTable = tableOf(care.tables, "lessons");
      expect(lessonsTable.rows[0]?.slice(2)).toEqual([2, 100]);
      expect(lessonsTable.rows[1]?.slice(2)).toEqual([1, 50]);
    });
  });

  describe("the newsletter", () => {
    beforeAll(async () => {
      const reader = (email: string, v: Partial<typeof newsletterSubscribers.$inferInsert>) => ({ email, source: "home", status: "confirmed" as const, ...v });
      await handle.db.insert(newsletterSubscribers).values([
        reader("s1@example.com", { subscribedAt: at("2026-01-20T12:00:00Z"), createdAt: at("2026-01-20T12:00:00Z") }),
        reader("s2@example.com", { subscribedAt: at("2026-02-04T12:00:00Z"), createdAt: at("2026-02-03T12:00:00Z") }),
        reader("s3@example.com", { status: "pending", createdAt: at("2026-02-05T12:00:00Z") }),
        reader("s4@example.com", { status: "unsubscribed", subscribedAt: at("2026-01-10T12:00:00Z"), unsubscribedAt: at("2026-02-11T12:00:00Z"), createdAt: at("2026-01-10T12:00:00Z") }),
        reader("s5@example.com", { status: "unsubscribed", subscribedAt: at("2026-02-01T12:00:00Z"), unsubscribedAt: at("2026-02-21T12:00:00Z"), createdAt: at("2026-02-01T12:00:00Z") }),
      ]);
      await handle.db.insert(newsletterIssues).values([
        { subject: "First letter", status: "sent", startedAt: at("2026-02-10T12:00:00Z"), sentCount: 3 },
        { subject: "Second letter", status: "sent", startedAt: at("2026-02-20T12:00:00Z"), sentCount: 3 },
      ]);
    });

    it("follows readers week by week and unsubscribes after each issue", async () => {
      const report = await newsletterReport(coach, dayRange("2026-02-01", "2026-02-28", NY));
      expect(tableOf(report.tables, "newsletter-weeks").rows).toEqual([
        ["2026-01-26", 1, 1, 0, 3],
        ["2026-02-02", 2, 1, 0, 4],
        ["2026-02-09", 0, 0, 1, 3],
        ["2026-02-16", 0, 0, 1, 2],
      ]);
      expect(tableOf(report.tables, "newsletter-issues").rows).toEqual([
        ["First letter", "2026-02-10", 3, 1],
        ["Second letter", "2026-02-20", 3, 1],
      ]);
    });
  });

  it("takes a deleted account's MRR out of the history in the deletion's transaction", async () => {
    const leaving = await person("leaving", "member");
    await handle.db.insert(subscriptions).values({ id: "sub_leaving", userId: leaving.id, stripeCustomerId: "cus_leaving", status: "active", stripePriceId: "price_dojo_monthly" });
    await handle.db.transaction((tx) => recordRevenueChange(tx, "sub_leaving", at("2026-04-02T12:00:00Z")));
    await handle.db.transaction(async (tx) => {
      await recordChurnOfDeletedAccount(tx, leaving.id, at("2026-04-20T12:00:00Z"));
      await tx.delete(users).where(eq(users.id, leaving.id));
    });
    const rows = await handle.db.select({ kind: mrrChanges.kind, amount: mrrChanges.amountMinor }).from(mrrChanges).where(eq(mrrChanges.subscriptionId, "sub_leaving")).orderBy(mrrChanges.id);
    expect(rows).toEqual([
      { kind: "new", amount: 1900 },
      { kind: "churn", amount: -1900 },
    ]);
  });

  it("stores nothing that says who for a funnel step", async () => {
    const cols = await handle.db.execute(sql`select column_name from information_schema.columns where table_name in ('quiz_events', 'funnel_counts') order by 1`);
    const names = (Array.isArray(cols) ? cols : (cols as { rows: { column_name: string }[] }).rows).map((r: { column_name: string }) => r.column_name);
    // Both tables, column by column: the step, the quiz version and question, the prescription, the time (and a count).
    expect([...new Set(names)].sort()).toEqual(["count", "created_at", "definition_version", "hour", "id", "prescription_id", "question_id", "step", "type"]);
  });
});
