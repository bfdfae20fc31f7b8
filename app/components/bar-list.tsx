/**
 * A chart as a list of horizontal bars, drawn on the server as SVG (no chart library, no script).
 * Labels and values are text above each bar, so they wrap and stay readable on a 375 px phone;
 * the colours are the theme's variables, so both colour schemes follow. The chart is hidden from
 * screen readers: the table beside it holds the same figures.
 */
export interface Bar {
  label: string;
  value: number;
  /** What is written for the value ("$1,200", "3 h 20 min"); the number itself by default. */
  text?: string;
  /** A second, fainter mark (e.g. the 90th percentile beside the median). */
  extra?: number;
}

export function BarList({ bars, title, marker }: { bars: Bar[]; title: string; marker?: { value: number; label: string } }) {
  const values = bars.flatMap((b) => [Math.abs(b.value), Math.abs(b.extra ?? 0)]);
  const max = Math.max(1, ...values, marker?.value ?? 0);
  const pct = (v: number) => `${Math.max(0, Math.min(100, (Math.abs(v) / max) * 100))}%`;
  return (
    <figure aria-hidden="true" className="space-y-2 rounded-2xl border border-line bg-card p-4">
      <figcaption className="text-sm font-semibold text-muted">{title}</figcaption>
      <ul className="space-y-2">
        {bars.map((b, i) => (
          <li key={`${b.label}-${i}`} className="space-y-1">
            <div className="flex flex-wrap items-baseline justify-between gap-x-3 text-sm">
              <span>{b.label}</span>
              <span className="font-semibold tabular-nums">{b.text ?? b.value.toLocaleString("en-US")}</span>
            </div>
            <svg className="block h-3 w-full" focusable="false">
              <rect width="100%" height="100%" rx="3" className="fill-brand-soft" />
              {b.extra !== undefined ? <rect width={pct(b.extra)} height="100%" rx="3" className="fill-line" /> : null}
              <rect width={pct(b.value)} height="100%" rx="3" className={b.value < 0 ? "fill-clay" : "fill-brand"} />
              {marker ? <rect x={pct(marker.value)} width="2" height="100%" className="fill-clay" /> : null}
            </svg>
          </li>
        ))}
      </ul>
      {marker ? <p className="text-xs text-muted">The clay line marks {marker.label}.</p> : null}
    </figure>
  );
}
