/**
 * A labelled progress bar that screen readers announce by `valueText` ("3 of 5 lessons done").
 * The fill is an SVG rect's width attribute, not a style attribute: the pages' CSP allows no inline styles.
 */
export function ProgressBar(props: { value: number; max: number; label: string; valueText: string; percent?: number }) {
  const { value, max, label, valueText } = props;
  const percent = props.percent ?? (max === 0 ? 0 : Math.round((value / max) * 100));
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={max}
      aria-valuenow={value}
      aria-valuetext={valueText}
      className="h-2 w-full overflow-hidden rounded-full bg-line"
    >
      <svg aria-hidden="true" className="block h-full w-full">
        <rect width={`${percent}%`} height="100%" rx="4" className="fill-brand" />
      </svg>
    </div>
  );
}
