import type { Metadata } from "next";
import Link from "next/link";
import { BarList } from "@/app/components/bar-list";
import { requireCoach } from "@/lib/auth/current-user";
import { formatMinutes, QUIET_DAYS } from "@/lib/dashboard/care";
import { PRESET_DAYS, rangeQuery } from "@/lib/dashboard/range";
import { dashboardFor, type DashboardQuery } from "@/lib/dashboard/report";
import type { DataTable } from "@/lib/dashboard/table";
import { formatMoney } from "@/lib/money";
import { DataTableView } from "./dashboard-parts/data-table";

export const metadata: Metadata = { title: "Coach console", robots: { index: false } };

const longDay = (d: string) => new Date(`${d}T12:00:00Z`).toLocaleDateString("en-US", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });
const monthName = (m: string) => new Date(`${m}-15T12:00:00Z`).toLocaleDateString("en-US", { month: "short", year: "numeric", timeZone: "UTC" });

function Stat({ label, value, note }: { label: string; value: string; note?: string }) {
  return (
    <div className="rounded-2xl border border-line bg-card p-4">
      <dt className="text-sm text-muted">{label}</dt>
      <dd className="font-serif text-2xl font-semibold tabular-nums">{value}</dd>
      {note ? <dd className="text-xs text-muted">{note}</dd> : null}
    </div>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-5">
      <h2 id={id} className="font-serif text-2xl font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

const find = (tables: DataTable[], id: string) => tables.find((t) => t.id === id)!;

// The console's home: the funnel, the money (admins), the care and the newsletter for a period.
export default async function CoachHomePage({ searchParams }: { searchParams: Promise<DashboardQuery> }) {
  const coach = await requireCoach("/coach");
  const query = await searchParams;
  const { choice, funnel, money, care, newsletter } = await dashboardFor(coach, query);
  const { range } = choice;
  const q = rangeQuery(choice);
  const table = (t: DataTable, empty?: string) => <DataTableView table={t} query={q} empty={empty} />;

  return (
    <div className="space-y-10">
      <header className="space-y-3">
        <h1 className="font-serif text-3xl font-semibold">How it’s going</h1>
        <p className="text-muted">
          {longDay(range.from)} to {longDay(range.to)}, days counted in {range.zone}.
        </p>
        <nav aria-label="Period" className="flex flex-wrap items-center gap-2 text-sm">
          {PRESET_DAYS.map((d) => (
            <a key={d} href={`/coach?days=${d}`} className={choice.preset === d ? "btn-primary min-h-9 py-1" : "btn-secondary min-h-9 py-1"} aria-current={choice.preset === d ? "page" : undefined}>
              Last {d} days
            </a>
          ))}
        </nav>
        <form method="get" className="flex flex-wrap items-end gap-3 text-sm">
          <label className="space-y-1">
            <span className="block">From</span>
            <input type="date" name="from" defaultValue={range.from} required className="rounded-xl border-2 border-line bg-card px-3 py-2 text-ink" />
          </label>
          <label className="space-y-1">
            <span className="block">To</span>
            <input type="date" name="to" defaultValue={range.to} required className="rounded-xl border-2 border-line bg-card px-3 py-2 text-ink" />
          </label>
          <button type="submit" className="btn-secondary min-h-9 py-1">
            Show these dates
          </button>
        </form>
        {!choice.ok ? (
          <p role="alert" className="rounded-xl bg-alert-soft px-3 py-2 text-sm text-alert">
            {choice.error}
          </p>
        ) : null}
        <p className="text-sm text-muted">
          Everything here is counted without following anyone: no analytics cookies, no third parties, nothing stored about visitors who haven’t
          joined, and no open or click tracking in emails. A member is linked to their quiz plan only when they chose to keep it at sign-up.
        </p>
      </header>

      <Section id="funnel" title="From the quiz to the Dojo">
        <BarList title="Each step, in this period" bars={funnel.steps.map((s) => ({ label: s.label, value: s.count }))} />
        {table(find(funnel.tables, "funnel"))}
        {table(find(funnel.tables, "questions"), "Nobody started the quiz in this period.")}
        {table(find(funnel.tables, "prescriptions"), "No finished quizzes in this period.")}
      </Section>

      {money ? (
        <Section id="money" title="Money">
          <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
            <Stat label="Paying members" value={money.counts.active.toLocaleString("en-US")} />
            <Stat label="On a trial" value={money.counts.trialing.toLocaleString("en-US")} />
            <Stat label="Payment overdue" value={money.counts.pastDue.toLocaleString("en-US")} />
            <Stat label="Trial to paid" value={money.trialToPaid === null ? "—" : `${money.trialToPaid} %`} note="trials that ended in this period" />
          </dl>
          <dl className="grid gap-3 sm:grid-cols-2">
            {money.mrr.length === 0 ? <Stat label="Monthly recurring revenue" value="—" /> : null}
            {money.mrr.map((m) => (
              <Stat key={m.currency} label={`Monthly recurring revenue (${m.currency.toUpperCase()})`} value={formatMoney(m.minor, m.currency)} />
            ))}
            {money.oneTime.map((m) => (
              <Stat key={`once-${m.currency}`} label={`One-time sales, net (${m.currency.toUpperCase()})`} value={formatMoney(m.minor, m.currency)} note="in this period, after refunds and lost disputes" />
            ))}
          </dl>
          {money.months.length > 0 ? (
            <BarList title="MRR at the end of each month" bars={money.months.map((m) => ({ label: `${monthName(m.month)} · ${m.currency.toUpperCase()}`, value: m.mrrEnd, text: formatMoney(m.mrrEnd, m.currency) }))} />
          ) : null}
          {table(find(money.tables, "mrr"), "No revenue recorded yet.")}
          {table(find(money.tables, "revenue"), "No revenue recorded yet.")}
          {table(find(money.tables, "one-time"), "No workbooks or audio sold in this period.")}
          {table(find(money.tables, "plans"), "Nobody is paying yet.")}
          {table(find(money.tables, "members"))}
          {table(find(money.tables, "trials"))}
        </Section>
      ) : null}

      <Section id="care" title="Care">
        <dl className="grid grid-cols-2 gap-3">
          <Stat label="Check-ins waiting" value={care.waiting.toLocaleString("en-US")} />
          <Stat label="Urgent ones waiting" value={care.urgentWaiting.toLocaleString("en-US")} />
        </dl>
        <p>
          <Link href="/coach/check-ins" className="link">
            Open the check-in queue
          </Link>
        </p>
        {care.weeks.length > 0 ? (
          <BarList
            title="Median time to first reply, week by week (grey: 90th percentile)"
            marker={{ value: care.targetHours * 60, label: `the ${care.targetHours}-hour target` }}
            bars={care.weeks.map((w) => ({
              label: `Week of ${longDay(w.week)}`,
              value: Number.isFinite(w.medianMinutes ?? 0) ? (w.medianMinutes ?? 0) : 20160,
              extra: Number.isFinite(w.p90Minutes ?? 0) ? (w.p90Minutes ?? 0) : 20160,
              text: `${formatMinutes(w.medianMinutes)} (90 %: ${formatMinutes(w.p90Minutes)})`,
            }))}
          />
        ) : null}
        {table(find(care.tables, "reply-weeks"), "No replies in this period.")}
        {table(find(care.tables, "reply-coaches"), "No replies in this period.")}
        <div className="space-y-2">
          {table(find(care.tables, "quiet"), `Every member has checked in within ${QUIET_DAYS} days.`)}
          {care.quiet.total > care.quiet.members.length ? (
            <p className="text-sm text-muted">
              The {care.quiet.members.length} quiet the longest of {care.quiet.total.toLocaleString("en-US")}.
            </p>
          ) : null}
          {care.quiet.members.length > 0 ? (
            <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
              {care.quiet.members.slice(0, 10).map((m) => (
                <li key={m.id}>
                  <Link className="link" href={`/coach/members?q=${encodeURIComponent(m.email)}`}>
                    {m.name ?? m.email}
                  </Link>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
        {table(find(care.tables, "lessons"), "No published lessons yet.")}
        {table(find(care.tables, "waiting"))}
      </Section>

      <Section id="newsletter" title="Newsletter">
        {newsletter.weeks.length > 0 ? (
          <BarList title="Confirmed readers at the end of each week" bars={newsletter.weeks.map((w) => ({ label: `Week of ${longDay(w.week)}`, value: w.subscribers }))} />
        ) : null}
        <p className="text-sm text-muted">There is no open or click tracking: an unsubscribe is counted against the last issue sent before it.</p>
        {table(find(newsletter.tables, "newsletter-weeks"), "No sign-ups, confirmations or unsubscribes in this period.")}
        {table(find(newsletter.tables, "newsletter-issues"), "No issues went out in this period.")}
      </Section>
    </div>
  );
}
