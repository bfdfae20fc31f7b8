// The dashboard's period, from the address: ?days=7|30|90, or ?from=YYYY-MM-DD&to=YYYY-MM-DD.
// Days are whole local days in DASHBOARD_TIME_ZONE, today included.
import { addDays, daysBetween, todayIn } from "@/lib/lessons/calendar";
import { dayRange, type DayRange } from "./zone";

export const PRESET_DAYS = [7, 30, 90] as const;
export const MAX_RANGE_DAYS = 731;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const realDate = (s: string) => DATE.test(s) && new Date(`${s}T12:00:00Z`).toISOString().slice(0, 10) === s;

export type RangeChoice = { ok: true; range: DayRange; preset: number | null } | { ok: false; error: string; range: DayRange; preset: number };

/** Reads the period; a bad one falls back to the last 30 days and says what was wrong. */
export function parseRange(query: { days?: string; from?: string; to?: string }, zone: string, now = new Date()): RangeChoice {
  const today = todayIn(zone, now);
  const preset = (days: number) => dayRange(addDays(today, 1 - days), today, zone);
  const fallback = (error: string): RangeChoice => ({ ok: false, error, range: preset(30), preset: 30 });
  if (query.from || query.to) {
    const from = query.from ?? "";
    const to = query.to ?? "";
    if (!realDate(from) || !realDate(to)) return fallback("Both dates need to be real dates (YYYY-MM-DD). Showing the last 30 days.");
    if (from > to) return fallback("The start date is after the end date. Showing the last 30 days.");
    if (daysBetween(from, to) + 1 > MAX_RANGE_DAYS) return fallback("Choose at most two years at a time. Showing the last 30 days.");
    return { ok: true, range: dayRange(from, to, zone), preset: null };
  }
  const days = Number(query.days ?? "30");
  if (!PRESET_DAYS.includes(days as (typeof PRESET_DAYS)[number])) return fallback("Choose 7, 30 or 90 days, or two dates. Showing the last 30 days.");
  return { ok: true, range: preset(days), preset: days };
}

/** The query string that reproduces a range (for the CSV links). */
export function rangeQuery(choice: RangeChoice): string {
  return choice.preset ? `days=${choice.preset}` : `from=${choice.range.from}&to=${choice.range.to}`;
}
