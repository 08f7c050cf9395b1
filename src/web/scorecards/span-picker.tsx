import type { Span } from './quarter-spans.js';

export type Grain = 'quarter' | 'month' | 'week';

const grains: { grain: Grain; label: string }[] = [
  { grain: 'quarter', label: 'Quarter' },
  { grain: 'month', label: 'Month' },
  { grain: 'week', label: 'Week' },
];

/** "30 Mar – 5 Apr": a span's first and last day (its `end` is the day after). */
export function describeSpanDays(span: Pick<Span, 'start' | 'end'>): string {
  const day = (text: string) =>
    new Date(`${text}T00:00:00Z`).toLocaleDateString('en-GB', {
      day: 'numeric',
      month: 'short',
      timeZone: 'UTC',
    });
  const last = new Date(Date.parse(`${span.end}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  return `${day(span.start)} – ${day(last)}`;
}

/**
 * Quarter, month or week: the scorecards of the quarter picked in the top bar, or of one of its
 * months or fiscal weeks. The choice of month or week lists only those of that quarter.
 */
export function SpanPicker(props: {
  grain: Grain;
  selected: string | null;
  options: readonly Span[];
  loading: boolean;
  onGrain: (grain: Grain) => void;
  onSpan: (period: string) => void;
}) {
  return (
    <div className="span-picker">
      <div className="segmented" role="group" aria-label="Scorecards for">
        {grains.map(({ grain, label }) => (
          <button
            key={grain}
            type="button"
            aria-pressed={props.grain === grain}
            disabled={grain !== 'quarter' && props.loading}
            onClick={() => props.onGrain(grain)}
          >
            {label}
          </button>
        ))}
      </div>
      {props.grain !== 'quarter' ? (
        <label className="compact-field">
          <span>{props.grain === 'month' ? 'Month' : 'Week'}</span>
          <select value={props.selected ?? ''} onChange={(event) => props.onSpan(event.target.value)}>
            {props.options.map((span) => (
              <option key={span.period} value={span.period}>
                {span.period} · {describeSpanDays(span)}
              </option>
            ))}
          </select>
        </label>
      ) : null}
    </div>
  );
}
