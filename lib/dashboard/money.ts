import "server-only";
import { and, count, eq, gt, gte, isNotNull, lt, sql } from "drizzle-orm";
import type { CurrentUser } from "@/lib/auth/current-user";
import { assertAdmin } from "@/lib/auth/guards";
import { getDb, tables } from "@/lib/db";
import { localMonth } from "./local-time";
import { percent, type DataTable } from "./table";
import type { DayRange } from "./zone";

export interface MonthFigure {
  month: string;
  currency: string;
  mrrEnd: number;
  net: number;
}

export interface MoneyReport {
  counts: { active: number; trialing: number; pastDue: number };
  /** Monthly recurring revenue now, per currency (minor units). */
  mrr: { currency: string; minor: number }[];
  months: MonthFigure[];
  trialToPaid: number | null;
  tables: DataTable[];
}

const monthsBetween = (from: string, to: string): string[] => {
  const out: string[] = [];
  let [y, m] = from.split("-").map(Number) as [number, number];
  const [ty, tm] = to.split("-").map(Number) as [number, number];
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${String(m).padStart(2, "0")}`);
    if (++m > 12) [y, m] = [y + 1, 1];
  }
  return out;
};

/**
 * The money: members by status, MRR now and month by month (from mrr_changes, which the
 * webhooks write as subscriptions change), churn, trial-to-paid, revenue by plan. Admins only.
 * Months are calendar months in the dashboard's zone.
 */
export async function moneyReport(actor: CurrentUser, range: DayRange, now = new Date()): Promise<MoneyReport> {
  assertAdmin(actor);
  const db = await getDb();
  const s = tables.subscriptions;
  const p = tables.plans;
  const c = tables.mrrChanges;
  const month = localMonth(c.occurredAt, range.zone);
  const trialEnd = now < range.end ? now : range.end;
  const [statusRows, mrrRows, planRows, changeRows, trials] = await Promise.all([
    db.select({ status: s.status, n: count() }).from(s).groupBy(s.status),
    db.select({ currency: s.mrrCurrency, minor: sql<number>`sum(${s.mrrMinor})::int` }).from(s).where(gt(s.mrrMinor, 0)).groupBy(s.mrrCurrency),
    db
      .select({ name: p.name, interval: p.interval, currency: s.mrrCurrency, members: count(), minor: sql<number>`sum(${s.mrrMinor})::int` })
      .from(s)
      .leftJoin(p, eq(p.stripePriceId, s.stripePriceId))
      .where(gt(s.mrrMinor, 0))
      .groupBy(p.name, p.interval, p.sortOrder, s.mrrCurrency)
      .orderBy(p.sortOrder, p.name),
    db
      .select({ month, currency: c.currency, kind: c.kind, minor: sql<number>`sum(${c.amountMinor})::int`, n: count() })
      .from(c)
      .where(lt(c.occurredAt, range.end))
      .groupBy(month, c.currency, c.kind),
    db
      .select({ ended: count(), paid: sql<number>`count(${s.firstPaidAt})::int` })
      .from(s)
      .where(and(isNotNull(s.trialEnd), gte(s.trialEnd, range.start), lt(s.trialEnd, trialEnd))),
  ]);

  const status = (name: string) => Number(statusRows.find((r) => r.status === name)?.n ?? 0);
  const counts = { active: status("active"), trialing: status("trialing"), pastDue: status("past_due") };
  const mrr = mrrRows.filter((r) => r.currency).map((r) => ({ currency: r.currency!, minor: r.minor })).sort((a, b) => a.currency.localeCompare(b.currency));

  const months = monthsBetween(range.from.slice(0, 7), range.to.slice(0, 7));
  const currencies = [...new Set([...changeRows.map((r) => r.currency), ...mrr.map((m) => m.currency)])].sort();
  const monthRows: DataTable["rows"] = [];
  const figures: MonthFigure[] = [];
  for (const currency of currencies) {
    const mine = changeRows.filter((r) => r.currency === currency);
    const sum = (pred: (r: (typeof mine)[number]) => boolean, f: (r: (typeof mine)[number]) => number) => mine.filter(pred).reduce((n, r) => n + f(r), 0);
    // Where the first month starts: everything recorded before it.
    let mrrRunning = sum((r) => r.month < months[0]!, (r) => r.minor);
    let paying = sum((r) => r.month < months[0]! && (r.kind === "new" || r.kind === "churn"), (r) => (r.kind === "new" ? r.n : -r.n));
    for (const month of months) {
      const of = (kind: string) => sum((r) => r.month === month && r.kind === kind, (r) => r.minor);
      const joined = sum((r) => r.month === month && r.kind === "new", (r) => r.n);
      const left = sum((r) => r.month === month && r.kind === "churn", (r) => r.n);
      const net = of("new") + of("expansion") + of("contraction") + of("churn");
      const startPaying = paying;
      mrrRunning += net;
      paying += joined - left;
      figures.push({ month, currency, mrrEnd: mrrRunning, net });
      const money = (minor: number) => ({ minor, currency });
      monthRows.push([month, currency.toUpperCase(), money(of("new")), money(of("expansion")), money(of("contraction")), money(of("churn")), money(net), money(mrrRunning), startPaying, left, percent(left, startPaying)]);
    }
  }

  const trialToPaid = percent(trials[0]?.paid ?? 0, Number(trials[0]?.ended ?? 0));
  const tables_: DataTable[] = [
    {
      id: "members",
      title: "Members by billing status",
      money: true,
      columns: ["Status", "Members"],
      rows: [
        ["Active (paying)", counts.active],
        ["On a trial", counts.trialing],
        ["Payment overdue", counts.pastDue],
      ],
    },
    {
      // One line per kind of revenue: memberships' monthly recurring revenue today; one-time
      // sales get a line of their own beside it.
      id: "revenue",
      title: "Revenue",
      money: true,
      columns: ["Revenue", "Currency", "Amount"],
      rows: mrr.map((m) => ["Memberships, monthly recurring (now)", m.currency.toUpperCase(), { minor: m.minor, currency: m.currency }]),
    },
    {
      id: "mrr",
      title: "Monthly recurring revenue, month by month",
      money: true,
      columns: ["Month", "Currency", "New", "Expansion", "Contraction", "Churned", "Net change", "MRR at month end", "Paying at month start", "Members who stopped paying", "Churn rate %"],
      rows: monthRows,
    },
    {
      id: "plans",
      title: "Revenue by plan (now)",
      money: true,
      columns: ["Plan", "Billed", "Currency", "Paying members", "Monthly recurring revenue"],
      rows: planRows.map((r) => [r.name ?? "Unknown plan", r.interval === "year" ? "yearly" : r.interval === "month" ? "monthly" : "—", (r.currency ?? "").toUpperCase(), Number(r.members), r.currency ? { minor: r.minor, currency: r.currency } : null]),
    },
    {
      id: "trials",
      title: "Trials that ended in this period",
      money: true,
      columns: ["Trials ended", "Went on to pay", "Trial-to-paid %"],
      rows: [[Number(trials[0]?.ended ?? 0), trials[0]?.paid ?? 0, trialToPaid]],
    },
  ];
  return { counts, mrr, months: figures, trialToPaid, tables: tables_ };
}
