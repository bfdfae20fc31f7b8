/** Stripe timestamps are whole Unix seconds. */
export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

export type Interval = "day" | "week" | "month" | "year";

export function isInterval(value: string): value is Interval {
  return value === "day" || value === "week" || value === "month" || value === "year";
}

/**
 * `anchor` plus `count` intervals. Months are calendar months, clamped to the
 * month's last day the way Stripe bills a subscription anchored on the 31st
 * (Jan 31 → Feb 28 → Mar 31): always computed from the anchor, never chained.
 */
export function addIntervals(anchor: number, interval: Interval, count: number): number {
  if (interval === "day") return anchor + count * 86_400;
  if (interval === "week") return anchor + count * 7 * 86_400;
  const months = interval === "year" ? count * 12 : count;
  const start = new Date(anchor * 1000);
  const day = start.getUTCDate();
  const target = new Date(start.getTime());
  target.setUTCDate(1);
  target.setUTCMonth(target.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return Math.floor(target.getTime() / 1000);
}

/** The first period boundary after `after`, counting whole intervals from `anchor`. */
export function nextBoundary(anchor: number, interval: Interval, intervalCount: number, after: number): number {
  for (let n = 1; ; n++) {
    const boundary = addIntervals(anchor, interval, n * intervalCount);
    if (boundary > after) return boundary;
  }
}
