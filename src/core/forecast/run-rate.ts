import { findVersionAt, type DealTimeline } from './deal-timeline.js';
import type { ForecastPeriod } from './forecast-period.js';

/** Completed past periods needed before a run rate is estimated. */
export const minPeriodsForRunRate = 2;
/** The most recent completed periods the run rate averages. */
export const runRatePeriods = 4;

export type RunRate = {
  method: 'run-rate' | 'none';
  /** Mean over the periods used, in minor units. */
  meanMinor: number;
  /** Sample standard deviation over the periods used (0 with fewer than 2). */
  sdMinor: number;
  /** Per period used: what was created after the same point of that period and won inside it. */
  periods: { period: string; amountMinor: number }[];
  note: string | null;
};

export type RunRateOptions = {
  /** Completed past periods, most recent first. */
  periods: readonly ForecastPeriod[];
  /** How far into its own period the forecast stands (as-of − period start), in ms. */
  offsetMs: number;
  asOfMs: number;
  /** Only deals whose owner (as read at asOfMs) passes. */
  includeOwner: (ownerId: string | null) => boolean;
};

/**
 * Business not yet in the pipeline: deals created and won inside one period. For each of the last
 * four completed periods Q (as known at the as-of moment):
 *
 *   R_Q = Σ amount of deals created in [start_Q + offset, end_Q) and won with a close date in Q
 *
 * where offset is how far the forecast's own period has run, so R_Q is what arrived in the weeks
 * that remain. The estimate is the mean of the R_Q; their spread feeds the simulation.
 *
 * Thin data: with fewer than 2 completed periods in the history (no deal created before the
 * earliest one), there is no run rate (0), with a note.
 */
export function computeRunRate(timelines: readonly DealTimeline[], options: RunRateOptions): RunRate {
  let earliestCreated = Infinity;
  for (const t of timelines)
    earliestCreated = Math.min(earliestCreated, t.versions[0]?.createdAtMs ?? Infinity);
  const usable = options.periods
    .filter((p) => p.endMs <= options.asOfMs && p.startMs >= earliestCreated)
    .slice(0, runRatePeriods);
  if (usable.length < minPeriodsForRunRate) {
    return {
      method: 'none',
      meanMinor: 0,
      sdMinor: 0,
      periods: [],
      note: `only ${usable.length} completed periods of history (at least ${minPeriodsForRunRate} needed): no run rate for deals not yet in the pipeline`,
    };
  }
  const totals = usable.map((period) => ({ period: period.name, amountMinor: 0 }));
  for (const timeline of timelines) {
    if (!options.includeOwner(timeline.ownerId)) continue;
    const outcome = findVersionAt(timeline, options.asOfMs);
    if (!outcome?.isWon || outcome.closeDate === null || outcome.amountMinor === null) continue;
    usable.forEach((period, i) => {
      const closeDate = outcome.closeDate as string;
      if (closeDate < period.startDay || closeDate >= period.endDay) return;
      if (outcome.createdAtMs < period.startMs + options.offsetMs || outcome.createdAtMs >= period.endMs)
        return;
      (totals[i] as { amountMinor: number }).amountMinor += outcome.amountMinor as number;
    });
  }
  const values = totals.map((t) => t.amountMinor);
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(values.length - 1, 1);
  return { method: 'run-rate', meanMinor: mean, sdMinor: Math.sqrt(variance), periods: totals, note: null };
}
