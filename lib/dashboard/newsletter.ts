import "server-only";
import { and, count, gte, isNotNull, isNull, lt, or, sql } from "drizzle-orm";
import type { CurrentUser } from "@/lib/auth/current-user";
import { assertCoach } from "@/lib/auth/guards";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { getDb, rowsOf, tables } from "@/lib/db";
import { todayIn } from "@/lib/lessons/calendar";
import { localWeek } from "./local-time";
import type { DataTable } from "./table";
import type { DayRange } from "./zone";

export interface NewsletterReport {
  weeks: { week: string; subscribers: number }[];
  tables: DataTable[];
}

/**
 * The newsletter: readers over time (confirmed, week by week), sign-ups, confirmations and
 * unsubscribes, and unsubscribes after each issue. There is no open or click tracking, so
 * an unsubscribe belongs to the issue that went out last before it. Coaches and admins.
 */
export async function newsletterReport(actor: CurrentUser, range: DayRange): Promise<NewsletterReport> {
  assertCoach(actor);
  const db = await getDb();
  const n = tables.newsletterSubscribers;
  const i = tables.newsletterIssues;
  type Instant = AnyPgColumn<{ data: Date }>;
  const weekOf = (col: Instant) => localWeek(col, range.zone);
  const inRange = (col: Instant) => and(gte(col, range.start), lt(col, range.end));

  const [before, signups, confirmations, unsubscribes, issues] = await Promise.all([
    // Confirmed readers when the period starts.
    db
      .select({ n: count() })
      .from(n)
      .where(and(isNotNull(n.subscribedAt), lt(n.subscribedAt, range.start), or(isNull(n.unsubscribedAt), gte(n.unsubscribedAt, range.start)))),
    db.select({ week: weekOf(n.createdAt), n: count() }).from(n).where(inRange(n.createdAt)).groupBy(weekOf(n.createdAt)),
    db.select({ week: weekOf(n.subscribedAt), n: count() }).from(n).where(inRange(n.subscribedAt)).groupBy(weekOf(n.subscribedAt)),
    db.select({ week: weekOf(n.unsubscribedAt), n: count() }).from(n).where(and(inRange(n.unsubscribedAt), isNotNull(n.subscribedAt))).groupBy(weekOf(n.unsubscribedAt)),
    // Each issue that went out, with the unsubscribes from its sending until the next issue's.
    db
      .execute(
        sql`with sent as (
          select ${i.subject} as subject, ${i.startedAt} as started, ${i.sentCount} as sent, lead(${i.startedAt}) over (order by ${i.startedAt}) as next
          from ${i} where ${i.startedAt} is not null)
        select subject, started, sent,
          (select count(*)::int from ${n} where ${n.unsubscribedAt} >= sent.started and ${n.unsubscribedAt} < coalesce(sent.next, 'infinity'::timestamptz)) as unsubscribed
        from sent where started >= ${range.start.toISOString()}::timestamptz and started < ${range.end.toISOString()}::timestamptz order by started`,
      )
      .then((result) => rowsOf<{ subject: string; started: string | Date; sent: number | null; unsubscribed: number }>(result)),
  ]);

  const weekKeys = [...new Set([...signups, ...confirmations, ...unsubscribes].map((r) => r.week))].sort();
  const get = (rows: { week: string; n: number }[], w: string) => Number(rows.find((r) => r.week === w)?.n ?? 0);
  let readers = Number(before[0]?.n ?? 0);
  const weekRows = weekKeys.map((w) => {
    readers += get(confirmations, w) - get(unsubscribes, w);
    return { week: w, signups: get(signups, w), confirmations: get(confirmations, w), unsubscribes: get(unsubscribes, w), readers };
  });
  return {
    weeks: weekRows.map((w) => ({ week: w.week, subscribers: w.readers })),
    tables: [
      {
        id: "newsletter-weeks",
        title: "Readers week by week",
        columns: ["Week starting", "Signed up", "Confirmed", "Unsubscribed", "Confirmed readers at week end"],
        rows: weekRows.map((w) => [w.week, w.signups, w.confirmations, w.unsubscribes, w.readers]),
      },
      {
        id: "newsletter-issues",
        title: "Unsubscribes after each issue",
        columns: ["Issue", "Sent", "Sent to", "Unsubscribed before the next issue"],
        rows: issues.map((x) => [x.subject, todayIn(range.zone, new Date(x.started)), x.sent, x.unsubscribed]),
      },
    ],
  };
}
