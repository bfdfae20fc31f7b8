import "server-only";
import { and, asc, count, eq, gte, inArray, lt, sql } from "drizzle-orm";
import type { CurrentUser } from "@/lib/auth/current-user";
import { assertCoach } from "@/lib/auth/guards";
import { getDb, rowsOf, tables } from "@/lib/db";
import { env } from "@/lib/env";
import { todayIn } from "@/lib/lessons/calendar";
import { localWeek } from "./local-time";
import { countWithin, histogramPercentile } from "./reply-times";
import { percent, type DataTable } from "./table";
import type { DayRange } from "./zone";

export const QUIET_DAYS = 14;
const QUIET_LIST = 50;

export interface QuietMember {
  id: string;
  email: string;
  name: string | null;
  lastCheckin: Date | null;
}

export interface WeekFigure {
  week: string;
  replies: number;
  medianMinutes: number | null;
  p90Minutes: number | null;
}

export interface CareReport {
  waiting: number;
  urgentWaiting: number;
  targetHours: number;
  weeks: WeekFigure[];
  quiet: { total: number; members: QuietMember[] };
  tables: DataTable[];
}

/** "3 h 20 min", "45 min", "over 2 weeks": a wait for people (and for the CSV, minutes as a number). */
export function formatMinutes(minutes: number | null): string | null {
  if (minutes === null) return null;
  if (!Number.isFinite(minutes)) return "over 2 weeks";
  const m = Math.round(minutes);
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  return m % 60 ? `${h} h ${m % 60} min` : `${h} h`;
}

const minutesCell = (m: number | null) => (m === null ? null : Number.isFinite(m) ? Math.round(m) : "over 20160");

/**
 * The care a coach gives: what waits now, how long first replies took (per week of the period
 * and per coach, from the reply-time histogram), members who have gone quiet, and where members
 * stall in the lessons. Coaches and admins. Nothing a member wrote is read.
 */
export async function careReport(actor: CurrentUser, range: DayRange, now = new Date()): Promise<CareReport> {
  assertCoach(actor);
  const db = await getDb();
  const c = tables.checkins;
  const r = tables.replyTimeCounts;
  const targetHours = env().CHECKIN_RESPONSE_TARGET_HOURS;
  const week = localWeek(r.hour, range.zone);
  const cutoff = new Date(now.getTime() - QUIET_DAYS * 86_400_000);

  const [waitingRows, histogram, quietRows, lessonRows] = await Promise.all([
    db
      .select({ waiting: count(), urgent: sql<number>`count(*) filter (where ${c.urgent})::int` })
      .from(c)
      .where(eq(c.status, "waiting")),
    db
      .select({ week, coachId: r.coachId, bucket: r.bucket, n: sql<number>`sum(${r.count})::int` })
      .from(r)
      .where(and(gte(r.hour, range.start), lt(r.hour, range.end)))
      .groupBy(week, r.coachId, r.bucket),
    quietMembers(now, cutoff),
    db
      .select({
        module: tables.modules.title,
        lesson: tables.lessons.title,
        done: sql<number>`(select count(*)::int from ${tables.lessonProgress} where ${tables.lessonProgress.lessonId} = ${tables.lessons.id})`,
      })
      .from(tables.lessons)
      .innerJoin(tables.modules, eq(tables.modules.id, tables.lessons.moduleId))
      .where(eq(tables.lessons.status, "published"))
      .orderBy(asc(tables.modules.position), asc(tables.lessons.position)),
  ]);

  const coachIds = [...new Set(histogram.map((h) => h.coachId).filter(Boolean))];
  const coaches = coachIds.length
    ? await db.select({ id: tables.users.id, name: tables.users.name, email: tables.users.email }).from(tables.users).where(inArray(tables.users.id, coachIds))
    : [];
  const coachName = (id: string) => {
    const found = coaches.find((x) => x.id === id);
    return found ? (found.name ?? found.email) : "A former coach";
  };

  const summarise = (rows: typeof histogram) => {
    const buckets = new Map<number, number>();
    for (const h of rows) buckets.set(h.bucket, (buckets.get(h.bucket) ?? 0) + h.n);
    const replies = [...buckets.values()].reduce((a, b) => a + b, 0);
    return { replies, median: histogramPercentile(buckets, 0.5), p90: histogramPercentile(buckets, 0.9), within: countWithin(buckets, targetHours) };
  };
  const weekKeys = [...new Set(histogram.map((h) => h.week))].sort();
  const weeks = weekKeys.map((w) => ({ week: w, ...summarise(histogram.filter((h) => h.week === w)) }));
  const byCoach = [...new Set(histogram.map((h) => h.coachId))]
    .map((id) => ({ name: coachName(id), ...summarise(histogram.filter((h) => h.coachId === id)) }))
    .sort((a, b) => b.replies - a.replies || a.name.localeCompare(b.name));

  const waiting = Number(waitingRows[0]?.waiting ?? 0);
  const urgentWaiting = waitingRows[0]?.urgent ?? 0;
  const targetLabel = `% within ${targetHours} h`;
  const replyColumns = ["First replies", "Median (minutes)", "90th percentile (minutes)", targetLabel];
  const figures = (x: ReturnType<typeof summarise>) => [x.replies, minutesCell(x.median), minutesCell(x.p90), percent(x.within, x.replies)];

  // Where members stall: completions of each lesson, and the share of the module's first lesson's.
  const firstOfModule = new Map<string, number>();
  for (const l of lessonRows) if (!firstOfModule.has(l.module)) firstOfModule.set(l.module, l.done);

  return {
    waiting,
    urgentWaiting,
    targetHours,
    weeks: weeks.map((w) => ({ week: w.week, replies: w.replies, medianMinutes: w.median, p90Minutes: w.p90 })),
    quiet: quietRows,
    tables: [
      { id: "waiting", title: "Check-ins waiting now", columns: ["Waiting", "Urgent"], rows: [[waiting, urgentWaiting]] },
      { id: "reply-weeks", title: "Time to first reply, week by week", columns: ["Week starting", ...replyColumns], rows: weeks.map((w) => [w.week, ...figures(w)]) },
      { id: "reply-coaches", title: "Time to first reply, by coach", columns: ["Coach", ...replyColumns], rows: byCoach.map((x) => [x.name, ...figures(x)]) },
      {
        id: "quiet",
        title: `Members who have not checked in for ${QUIET_DAYS} days`,
        columns: ["Email", "Name", "Last check-in"],
        rows: quietRows.members.map((m) => [m.email, m.name ?? "", m.lastCheckin ? todayIn(range.zone, m.lastCheckin) : "never"]),
      },
      {
        id: "lessons",
        title: "Lesson completion",
        columns: ["Module", "Lesson", "Members who finished it", "% of the module’s first lesson"],
        rows: lessonRows.map((l) => [l.module, l.lesson, l.done, percent(l.done, firstOfModule.get(l.module) ?? 0)]),
      },
    ],
  };
}

/**
 * Members in the Dojo (a live subscription or an active comp) whose last check-in sent to a
 * coach is older than the cutoff, or who never sent one: the longest quiet first.
 */
async function quietMembers(now: Date, cutoff: Date): Promise<CareReport["quiet"]> {
  const db = await getDb();
  const { users, subscriptions: s, comps } = tables;
  const rows = rowsOf<{ id: string; email: string; name: string | null; last: string | Date | null; total: number }>(
    await db.execute(sql`with members as (
        select ${s.userId} as id from ${s} where ${s.status} in ('active', 'trialing', 'past_due')
        union
        select ${comps.userId} from ${comps} where ${comps.revokedAt} is null and ${comps.endsAt} > ${now.toISOString()}::timestamptz),
      quiet as (
        select ${users.id} as id, ${users.email} as email, ${users.name} as name, ${users.lastCheckinAt} as last
        from members m join ${users} on ${users.id} = m.id
        where ${users.role} = 'member' and (${users.lastCheckinAt} is null or ${users.lastCheckinAt} < ${cutoff.toISOString()}::timestamptz))
      select id, email, name, last, (count(*) over ())::int as total from quiet order by last asc nulls first, email limit ${QUIET_LIST}`),
  );
  return {
    total: rows[0]?.total ?? 0,
    members: rows.map((r) => ({ id: r.id, email: r.email, name: r.name, lastCheckin: r.last === null ? null : new Date(r.last) })),
  };
}
