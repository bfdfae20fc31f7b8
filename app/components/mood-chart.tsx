interface Point {
  at: Date;
  mood: number | null;
  noContactDay: number | null;
}

const W = 640;
const H = 200;
const PAD = { left: 32, right: 40, top: 12, bottom: 28 };
const day = (d: Date) => d.toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" });

/**
 * Mood (line, left scale 1–10) and no-contact days (bars, right scale) over the
 * member's check-ins, drawn on the server as SVG — no chart library shipped to
 * the phone. The same numbers follow as a table for screen readers and anyone
 * who prefers one.
 */
export function MoodChart({ points }: { points: Point[] }) {
  if (points.length === 0) return null;
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const step = points.length > 1 ? innerW / (points.length - 1) : 0;
  const x = (i: number) => PAD.left + (points.length > 1 ? i * step : innerW / 2);
  const yMood = (m: number) => PAD.top + innerH - ((m - 1) / 9) * innerH;
  const maxDays = Math.max(1, ...points.map((p) => p.noContactDay ?? 0));
  const barW = Math.max(4, Math.min(24, step * 0.5 || 24));
  const line = points
    .map((p, i) => (p.mood === null ? null : `${x(i)},${yMood(p.mood)}`))
    .filter(Boolean)
    .join(" ");

  return (
    <figure className="space-y-2">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby="mood-chart-title" className="h-auto w-full rounded-2xl border border-line bg-card">
        <title id="mood-chart-title">Mood and no-contact days over your check-ins</title>
        {[1, 5, 10].map((m) => (
          <g key={m}>
            <line x1={PAD.left} x2={W - PAD.right} y1={yMood(m)} y2={yMood(m)} stroke="var(--color-line)" />
            <text x={PAD.left - 6} y={yMood(m) + 4} textAnchor="end" fontSize="11" fill="var(--color-muted)">
              {m}
            </text>
          </g>
        ))}
        <text x={W - PAD.right + 6} y={PAD.top + 10} fontSize="11" fill="var(--color-muted)">
          {maxDays}d
        </text>
        {points.map((p, i) =>
          p.noContactDay === null ? null : (
            <rect key={`bar-${i}`} x={x(i) - barW / 2} width={barW} y={PAD.top + innerH - (p.noContactDay / maxDays) * innerH} height={(p.noContactDay / maxDays) * innerH} fill="var(--color-brand-soft)" />
          ),
        )}
        <polyline points={line} fill="none" stroke="var(--color-brand)" strokeWidth="2.5" />
        {points.map((p, i) => (p.mood === null ? null : <circle key={`dot-${i}`} cx={x(i)} cy={yMood(p.mood)} r="4" fill="var(--color-brand)" />))}
        <text x={PAD.left} y={H - 8} fontSize="11" fill="var(--color-muted)">
          {day(points[0]!.at)}
        </text>
        <text x={W - PAD.right} y={H - 8} fontSize="11" textAnchor="end" fill="var(--color-muted)">
          {day(points.at(-1)!.at)}
        </text>
      </svg>
      <figcaption className="text-sm text-muted">Line: your mood (1–10). Shaded bars: days of no contact.</figcaption>
      <details>
        <summary className="cursor-pointer text-sm font-medium">Show as a table</summary>
        <table className="mt-2 w-full text-left text-sm">
          <caption className="sr-only">Mood and no-contact days by check-in</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Mood</th>
              <th scope="col">No-contact day</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p, i) => (
              <tr key={i} className="border-t border-line">
                <td>{day(p.at)}</td>
                <td>{p.mood ?? "—"}</td>
                <td>{p.noContactDay ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
