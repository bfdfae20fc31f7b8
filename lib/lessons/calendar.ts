// Calendar dates in a member's own time zone. A lesson "opens on day N" means
// at local midnight where the member lives, whatever the server's zone and
// across daylight-saving changes, so all arithmetic is on plain dates
// (YYYY-MM-DD) and only the final comparison looks at the clock.

const DAY_MS = 86_400_000;

export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

// Making an Intl.DateTimeFormat costs far more than using one (a fifth of a millisecond, several
// times per Dojo page): keep one per time zone. Bounded: an invalid zone throws before it is
// stored, and there are only a few hundred valid ones.
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar date it is right now in `timeZone`. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    // en-CA formats as YYYY-MM-DD.
    format = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    dayFormats.set(timeZone, format);
  }
  return format.format(now);
}

const toUtcNoon = (date: string) => new Date(`${date}T12:00:00Z`).getTime();

export function addDays(date: string, days: number): string {
  return new Date(toUtcNoon(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (both calendar dates). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtcNoon(to) - toUtcNoon(from)) / DAY_MS);
}

/** The date a lesson opens for a member who started on `startDate`. */
export const opensOn = (startDate: string, offsetDays: number) => addDays(startDate, offsetDays);

/** Whether a lesson released `offsetDays` after `startDate` is open now for someone in `timeZone`. */
export function isReleased(startDate: string, offsetDays: number, timeZone: string, now: Date = new Date()): boolean {
  return daysBetween(startDate, todayIn(timeZone, now)) >= offsetDays;
}

/** How many days of the Dojo have been released to this member (day 0 = their start date). */
export function releasedThrough(startDate: string, timeZone: string, now: Date = new Date()): number {
  return daysBetween(startDate, todayIn(timeZone, now));
}

/** "Tuesday, March 10" for a calendar date. */
export function formatDay(date: string): string {
  return new Date(`${date}T12:00:00Z`).toLocaleDateString("en-US", { weekday: "long", month: "long", day: "numeric", timeZone: "UTC" });
}
