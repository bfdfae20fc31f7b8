// Time to first reply, kept as a histogram: the wait falls into one of these buckets (upper
// edges in minutes; the last is open). Percentiles read from it are exact at the edges and
// interpolated inside a bucket. The edges sit on every whole hour up to 6 and on the usual
// targets (8, 12, 24, 48 hours...), so "answered within the target" is exact for those.
// Pure: shared by the reply (which counts) and the dashboard (which reads).

export const REPLY_BUCKET_EDGES_MINUTES = [
  5, 10, 15, 20, 30, 45, 60, 90, 120, 180, 240, 300, 360, 480, 600, 720, 960, 1200, 1440, 1800, 2160, 2880, 4320, 5760, 7200, 10080, 20160,
] as const;

/** The bucket of a wait: the first edge it does not exceed, or the open last bucket. */
export function replyBucket(waitMs: number): number {
  const minutes = Math.max(0, waitMs) / 60_000;
  const i = REPLY_BUCKET_EDGES_MINUTES.findIndex((edge) => minutes <= edge);
  return i < 0 ? REPLY_BUCKET_EDGES_MINUTES.length : i;
}

/**
 * The p-th percentile (0..1) of a histogram, in minutes, interpolating inside the bucket it
 * falls in; null for no data; Infinity when it falls in the open bucket (over two weeks).
 */
export function histogramPercentile(counts: Map<number, number>, p: number): number | null {
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  const rank = p * total;
  let seen = 0;
  for (let b = 0; b <= REPLY_BUCKET_EDGES_MINUTES.length; b++) {
    const n = counts.get(b) ?? 0;
    if (n === 0) continue;
    if (seen + n >= rank) {
      const upper = REPLY_BUCKET_EDGES_MINUTES[b];
      if (upper === undefined) return Infinity;
      const lower = b === 0 ? 0 : REPLY_BUCKET_EDGES_MINUTES[b - 1]!;
      return lower + ((rank - seen) / n) * (upper - lower);
    }
    seen += n;
  }
  return Infinity;
}

/** How many replies came within `hours` (counting whole buckets whose upper edge is within it). */
export function countWithin(counts: Map<number, number>, hours: number): number {
  let n = 0;
  for (const [b, c] of counts) {
    const upper = REPLY_BUCKET_EDGES_MINUTES[b];
    if (upper !== undefined && upper <= hours * 60) n += c;
  }
  return n;
}
