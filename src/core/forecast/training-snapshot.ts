import { findVersionAt, type DealTimeline } from './deal-timeline.js';
import { computeWeekStartMs, msPerDay, type ForecastPeriod } from './forecast-period.js';

/**
 * One observation the win model learns from: a deal that was open at the start of week `week` of
 * a past period with its close date inside that period, and what became of it as known at the
 * forecast's as-of moment.
 */
export type TrainingSnapshot = {
  dealId: string;
  period: string;
  week: number;
  stage: string;
  probability01: number | null;
  ageDays: number;
  pushCount: number;
  daysInStage: number;
  amountMinor: number | null;
  /** Won at all, by the as-of moment (a deal still open then counts as not won). */
  wonEver: boolean;
  /** Won with a close date inside the period. */
  wonInPeriod: boolean;
  /** The amount it was won at, when wonInPeriod. */
  wonAmountMinor: number | null;
  /** Closed (won or lost) by the as-of moment. */
  closed: boolean;
};

export type TrainingOptions = {
  /** Completed periods to learn from; each must end at or before asOfMs. */
  periods: readonly ForecastPeriod[];
  asOfMs: number;
};

/**
 * The snapshots of every completed training period, week by week: at the start of each week, the
 * deals open then with a close date in the period, labelled with their outcome as read at asOfMs.
 * Only versions that began at or before asOfMs are ever read, so nothing after the as-of moment
 * leaks in (callers pass timelines already sliced at asOfMs; the check here is a second fence).
 */
export function computeTrainingSnapshots(
  timelines: readonly DealTimeline[],
  options: TrainingOptions,
): TrainingSnapshot[] {
  const snapshots: TrainingSnapshot[] = [];
  const periods = options.periods.filter((p) => p.endMs <= options.asOfMs);
  for (const timeline of timelines) {
    const outcome = findVersionAt(timeline, options.asOfMs);
    if (!outcome || outcome.validFromMs > options.asOfMs) continue;
    for (const period of periods) {
      for (let week = 1; week <= period.weeks; week += 1) {
        const atMs = computeWeekStartMs(period, week);
        const version = findVersionAt(timeline, atMs);
        if (!version || version.isClosed || version.closeDate === null) continue;
        if (version.closeDate < period.startDay || version.closeDate >= period.endDay) continue;
        const wonInPeriod =
          outcome.isWon &&
          outcome.closeDate !== null &&
          outcome.closeDate >= period.startDay &&
          outcome.closeDate < period.endDay;
        snapshots.push({
          dealId: timeline.id,
          period: period.name,
          week,
          stage: version.stage,
          probability01: version.probability01,
          ageDays: Math.floor((atMs - version.createdAtMs) / msPerDay),
          pushCount: version.pushCount,
          daysInStage: Math.floor((atMs - version.stageEnteredAtMs) / msPerDay),
          amountMinor: version.amountMinor,
          wonEver: outcome.isWon,
          wonInPeriod,
          wonAmountMinor: wonInPeriod ? outcome.amountMinor : null,
          closed: outcome.isClosed,
        });
      }
    }
  }
  return snapshots;
}
