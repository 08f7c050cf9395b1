import type { ScoredProbability } from './accuracy-calibration.js';
import { computeBaselineForecasts } from './baseline-forecasts.js';
import { computeForecast, type PeriodDeal } from './compute-forecast.js';
import { findVersionAt, sliceTimelinesAt, type DealTimeline } from './deal-timeline.js';
import type { ForecastPeriod } from './forecast-period.js';

export type BacktestWeekInput = {
  /** The whole history as read now; it is sliced at asOfMs before anything looks at it. */
  history: readonly DealTimeline[];
  period: ForecastPeriod;
  trainingPeriods: readonly ForecastPeriod[];
  asOfMs: number;
  stageDefaults: ReadonlyMap<string, number>;
  /** Deals won in the period as known now: the per-deal outcomes. */
  wonIds: ReadonlySet<string>;
  trials: number;
  seed: number;
  pastForecastCache?: Map<string, { expectedMinor: number; closedMinor: number; thin: boolean }>;
};

export type BacktestWeek = {
  candor: { forecast: number; p10: number; p50: number; p90: number; thinData: boolean };
  stageWeighted: number;
  commitPlusClosed: number;
  /** Open deals' predicted chances beside their outcomes, per method that gives one. */
  candorDeals: ScoredProbability[];
  stageWeightedDeals: ScoredProbability[];
};

/**
 * One step of the backtest: the pipeline and the history exactly as they stood at asOfMs (every
 * version that began later cut off by sliceTimelinesAt), Candor's forecast and the baselines of
 * the period from them, and each open deal's prediction beside its real outcome.
 */
export function computeBacktestWeek(input: BacktestWeekInput): BacktestWeek {
  const history = sliceTimelinesAt(input.history, input.asOfMs);
  const periodDeals: PeriodDeal[] = [];
  for (const timeline of history) {
    const state = findVersionAt(timeline, input.asOfMs);
    if (!state || state.closeDate === null) continue;
    if (state.closeDate < input.period.startDay || state.closeDate >= input.period.endDay) continue;
    if (state.isClosed && !state.isWon) continue;
    periodDeals.push({ id: timeline.id, ownerId: timeline.ownerId, state });
  }
  const result = computeForecast({
    period: input.period,
    trainingPeriods: input.trainingPeriods,
    asOfMs: input.asOfMs,
    periodDeals,
    history,
    includeOwner: () => true,
    stageDefaults: input.stageDefaults,
    trials: input.trials,
    seed: input.seed,
    ...(input.pastForecastCache ? { pastForecastCache: input.pastForecastCache } : {}),
  });
  const baselines = computeBaselineForecasts(periodDeals, input.stageDefaults);
  const openDeals = periodDeals.filter((d) => !d.state.isClosed);
  return {
    candor: {
      forecast: result.expectedMinor,
      p10: result.p10Minor,
      p50: result.p50Minor,
      p90: result.p90Minor,
      thinData: result.thinData,
    },
    ...baselines,
    candorDeals: result.deals.map((d) => ({ probability: d.probability, won: input.wonIds.has(d.id) })),
    stageWeightedDeals: openDeals.map((d) => ({
      probability: d.state.probability01 ?? input.stageDefaults.get(d.state.stage) ?? 0,
      won: input.wonIds.has(d.id),
    })),
  };
}
