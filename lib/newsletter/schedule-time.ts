// Wall-clock times in the coach's own time zone. A datetime-local input says
// "2025-03-10T09:00" with no zone; the coach means their 9 o'clock.

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** How far `timeZone`'s wall clock is ahead of UTC at `instant`, in ms. */
function offsetAt(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? "0");
  const wall = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return wall - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant a local "YYYY-MM-DDTHH:MM" names in `timeZone`; null when it is
 * not such a string. A time that a daylight-saving jump skips is moved by the jump.
 */
export function localToInstant(local: string, timeZone: string): Date | null {
  const m = LOCAL.exec(local);
  if (!m) return null;
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  const asUtc = Date.UTC(y, mo - 1, d, h, mi);
  const check = new Date(asUtc);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59) return null;
  let guess = asUtc - offsetAt(asUtc, timeZone);
  const second = offsetAt(guess, timeZone);
  if (second !== offsetAt(asUtc, timeZone)) guess = asUtc - second;
  return new Date(guess);
}

/** The value a datetime-local input shows for `instant` in `timeZone`. */
export function instantToLocal(instant: Date, timeZone: string): string {
  const shifted = new Date(instant.getTime() + offsetAt(instant.getTime(), timeZone));
  return shifted.toISOString().slice(0, 16);
}

/** "Mar 10, 2025, 9:00 AM" in `timeZone`, for people. */
export function formatInZone(instant: Date, timeZone: string): string {
  return instant.toLocaleString("en-US", { timeZone, year: "numeric", month: "short", day: "numeric", hour: "numeric", minute: "2-digit" });
}
