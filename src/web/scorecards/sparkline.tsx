/** A small line of a value over the recent periods; gaps (no value) break the line. */
export function Sparkline({ values, label }: { values: readonly (number | null)[]; label: string }) {
  const width = 84;
  const height = 22;
  const known = values.filter((v): v is number => v !== null);
  if (known.length < 2)
    return <span className="sparkline-empty" aria-label={`${label}: not enough history`} />;
  const min = Math.min(...known);
  const max = Math.max(...known);
  const span = max - min || 1;
  const step = width / Math.max(1, values.length - 1);
  const points = values
    .map((v, i) =>
      v === null
        ? null
        : `${(i * step).toFixed(1)},${(height - 2 - ((v - min) / span) * (height - 4)).toFixed(1)}`,
    )
    .filter((p): p is string => p !== null);
  const last = values.at(-1);
  return (
    <svg
      className="sparkline"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={label}
    >
      <polyline points={points.join(' ')} fill="none" stroke="currentColor" strokeWidth="1.5" />
      {last !== null && last !== undefined ? (
        <circle
          cx={width}
          cy={height - 2 - ((last - min) / span) * (height - 4)}
          r="2.2"
          fill="currentColor"
        />
      ) : null}
    </svg>
  );
}
