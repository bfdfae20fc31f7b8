// The dashboard's calendar: days, weeks and months in one time zone (DASHBOARD_TIME_ZONE).
// The funnel's counters are kept per UTC hour, so a zone works when each of its local days
// starts on a whole UTC hour: every zone whose offset is a whole number of hours, all year.
// Pure (no database), so the rules are tested directly and env.ts can check the setting.
import { addDays, isValidTimeZone } from "@/lib/lessons/calendar";

const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/** Minutes `zone` is ahead of UTC at `at` (negative west of Greenwich). */
export function offsetMinutes(zone: string, at: Date): number {
  let format = offsetFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", { timeZone: zone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric" });
    offsetFormats.set(zone, format);
  }
  const p = Object.fromEntries(format.formatToParts(at).map((x) => [x.type, x.value]));
  const local = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return Math.round((local - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

/** The instant local midnight begins on `date` (YYYY-MM-DD) in `zone`, across daylight-saving changes. */
export function startOfDay(date: string, zone: string): Date {
  const utcMidnight = new Date(`${date}T00:00:00Z`).getTime();
  // Guess with the offset at UTC midnight, then correct once with the offset at the guess
  // (they differ only on the day the clocks change).
  let guess = utcMidnight - offsetMinutes(zone, new Date(utcMidnight)) * 60_000;
  guess = utcMidnight - offsetMinutes(zone, new Date(guess)) * 60_000;
  return new Date(guess);
}

/** Whether the dashboard can use `zone`: a real IANA zone whose offset was and will be whole hours. */
export function isWholeHourZone(zone: string): boolean {
  if (!isValidTimeZone(zone)) return false;
  // Every fortnight across three years around now catches both sides of any daylight-saving rule.
  const start = Date.now() - 400 * 86_400_000;
  for (let i = 0; i < 80; i++) {
    if (offsetMinutes(zone, new Date(start + i * 14 * 86_400_000)) % 60 !== 0) return false;
  }
  return true;
}

/** A range of whole local days: `from` and `to` inclusive (YYYY-MM-DD), and the instants that bound it. */
export interface DayRange {
  from: string;
  to: string;
  zone: string;
  start: Date;
  /** Exclusive: local midnight after `to`. */
  end: Date;
  days: number;
}

export function dayRange(from: string, to: string, zone: string): DayRange {
  const start = startOfDay(from, zone);
  const end = startOfDay(addDays(to, 1), zone);
  const days = Math.round((new Date(`${to}T12:00:00Z`).getTime() - new Date(`${from}T12:00:00Z`).getTime()) / 86_400_000) + 1;
  return { from, to, zone, start, end, days };
}

/** The UTC hour an instant falls in: the key of every dashboard counter (ISO string, for SQL). */
export const hourStart = (at: Date): string => new Date(Math.floor(at.getTime() / 3_600_000) * 3_600_000).toISOString();
