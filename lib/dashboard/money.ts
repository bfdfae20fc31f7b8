import "server-only";
import { and, count, gte, isNotNull, lt, sql } from "drizzle-orm";
import type { CurrentUser } from "@/lib/auth/current-user";
import { assertAdmin } from "@/lib/auth/guards";
import { getDb, tables } from "@/lib/db";
import { oneTimeRevenue } from "@/lib/products/revenue";
import { localMonth } from "./local-time";
import { percent, type DataTable } from "./table";
import { startOfDay } from "./zone";
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
  /** One-time sales in the period, net of refunds and lost disputes, per currency (minor units). */
  oneTime: { currency: string; minor: number }[];
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
 * webhooks write as subscriptions change), churn, trial-to-paid, revenue by plan, and one-time
 * sales beside them (lib/products/revenue.ts). Admins only.
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
  const months = monthsBetween(range.from.slice(0, 7), range.to.slice(0, 7));
  // Where the first month starts, in the zone: changes before it are only summed, never grouped by month.
  const firstMonthStart = startOfDay(`${months[0]}-01`, range.zone);
  const [subRows, earlier, changeRows, trials, sales] = await Promise.all([
    // One pass over the subscriptions gives the statuses, MRR per currency and revenue by plan.
    db
      .select({ status: s.status, priceId: s.stripePriceId, currency: s.mrrCurrency, n: count(), minor: sql<number>`sum(${s.mrrMinor})::int` })
      .from(s)
      .groupBy(s.status, s.stripePriceId, s.mrrCurrency),
    db
      .select({ currency: c.currency, kind: c.kind, minor: sql<number>`sum(${c.amountMinor})::int`, n: count() })
      .from(c)
      .where(lt(c.occurredAt, firstMonthStart))
      .groupBy(c.currency, c.kind),
    db
      .select({ month, currency: c.currency, kind: c.kind, minor: sql<number>`sum(${c.amountMinor})::int`, n: count() })
      .from(c)
      .where(and(gte(c.occurredAt, firstMonthStart), lt(c.occurredAt, range.end)))
      .groupBy(month, c.currency, c.kind),
    db
      .select({ ended: count(), paid: sql<number>`count(${s.firstPaidAt})::int` })
      .from(s)
      .where(and(isNotNull(s.trialEnd), gte(s.trialEnd, range.start), lt(s.trialEnd, trialEnd))),
    oneTimeRevenue(actor, { from: range.start, to: range.end }, range.zone),
  ]);
  const planList = await db.select({ name: p.name, interval: p.interval, priceId: p.stripePriceId, sortOrder: p.sortOrder }).from(p);

  const status = (name: string) => subRows.filter((r) => r.status === name).reduce((n, r) => n + Number(r.n), 0);
  const counts = { active: status("active"), trialing: status("trialing"), pastDue: status("past_due") };
  const paying = subRows.filter((r) => r.minor > 0 && r.currency);
  const byCurrency = new Map<string, number>();
  for (const r of paying) byCurrency.set(r.currency!, (byCurrency.get(r.currency!) ?? 0) + r.minor);
  const mrr = [...byCurrency].map(([currency, minor]) => ({ currency, minor })).sort((a, b) => a.currency.localeCompare(b.currency));
  const planKey = (r: (typeof paying)[number]) => `${r.priceId ?? ""}|${r.currency}`;
  const planRows = [...new Set(paying.map(planKey))]
    .map((key) => {
      const rows = paying.filter((r) => planKey(r) === key);
      const plan = planList.find((x) => x.priceId === rows[0]!.priceId);
      return { name: plan?.name ?? null, interval: plan?.interval ?? null, sortOrder: plan?.sortOrder ?? 999, currency: rows[0]!.currency, members: rows.reduce((n, r) => n + Number(r.n), 0), minor: rows.reduce((n, r) => n + r.minor, 0) };
    })
    .sort((a, b) => a.sortOrder - b.sortOrder || (a.name ?? "").localeCompare(b.name ?? ""));

  const currencies = [...new Set([...changeRows.map((r) => r.currency), ...earlier.map((r) => r.currency), ...mrr.map((m) => m.currency)])].sort();
  const monthRows: DataTable["rows"] = [];
  const figures: MonthFigure[] = [];
  for (const currency of currencies) {
    const mine = changeRows.filter((r) => r.currency === currency);
    const sum = (pred: (r: (typeof mine)[number]) => boolean, f: (r: (typeof mine)[number]) => number) => mine.filter(pred).reduce((n, r) => n + f(r), 0);
    const before = earlier.filter((r) => r.currency === currency);
    let mrrRunning = before.reduce((n, r) => n + r.minor, 0);
    let payingNow = before.reduce((n, r) => n + (r.kind === "new" ? r.n : r.kind === "churn" ? -r.n : 0), 0);
    for (const month of months) {
      const of = (kind: string) => sum((r) => r.month === month && r.kind === kind, (r) => r.minor);
      const joined = sum((r) => r.month === month && r.kind === "new", (r) => r.n);
      const left = sum((r) => r.month === month && r.kind === "churn", (r) => r.n);
      const net = of("new") + of("expansion") + of("contraction") + of("churn");
      const startPaying = payingNow;
      mrrRunning += net;
      payingNow += joined - left;
      figures.push({ month, currency, mrrEnd: mrrRunning, net });
      const money = (minor: number) => ({ minor, currency });
      monthRows.push([month, currency.toUpperCase(), money(of("new")), money(of("expansion")), money(of("contraction")), money(of("churn")), money(net), money(mrrRunning), startPaying, left, percent(left, startPaying)]);
    }
  }

  const salesByCurrency = new Map<string, number>();
  for (const r of sales) salesByCurrency.set(r.currency, (salesByCurrency.get(r.currency) ?? 0) + r.netCents);
  const oneTime = [...salesByCurrency].map(([currency, minor]) => ({ currency, minor })).sort((a, b) => a.currency.localeCompare(b.currency));

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
      rows: [
        ...mrr.map((m): DataTable["rows"][number] => ["Memberships, monthly recurring (now)", m.currency.toUpperCase(), { minor: m.minor, currency: m.currency }]),
        ...oneTime.map((m): DataTable["rows"][number] => ["One-time sales, net (this period)", m.currency.toUpperCase(), { minor: m.minor, currency: m.currency }]),
      ],
    },
    {
      id: "one-time",
      title: "One-time sales, month by month",
      money: true,
      columns: ["Month", "Currency", "Purchases", "Paid", "Refunded", "Lost to disputes", "Net"],
      rows: sales.map((r) => {
        const money = (minor: number) => ({ minor, currency: r.currency });
        return [r.month, r.currency.toUpperCase(), r.purchases, money(r.grossCents), money(r.refundedCents), money(r.disputedCents), money(r.netCents)];
      }),
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
  return { counts, mrr, oneTime, months: figures, trialToPaid, tables: tables_ };
}
