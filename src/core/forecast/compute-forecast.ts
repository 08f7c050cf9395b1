import { createRandom } from '../demo/random.js';
import { computeDealSimulationArrays } from './deal-simulation-arrays.js';
import type { DealTimeline } from './deal-timeline.js';
import type { ForecastPeriod } from './forecast-period.js';
import { computePastForecastErrors, type PastForecastErrorsInput } from './past-forecast-errors.js';
import { estimatePeriodShock, type PeriodShock } from './period-shock.js';
import {
  computePointForecast,
  listThinParts,
  type DealForecast,
  type PeriodDeal,
  type PointForecast,
} from './point-forecast.js';
import type { RunRate } from './run-rate.js';
import { drawStandardNormal, simulateOpenDeals } from './simulate-open-deals.js';
import { computeTrialQuantiles } from './trial-quantiles.js';
import type { WinModel } from './win-model.js';

export { trainingPeriodCount, type DealForecast, type PeriodDeal } from './point-forecast.js';

/** Names the method, so stored forecasts say how they were made and can be compared fairly. */
export const forecastMethodVersion = 'candor-forecast/3';
export const defaultTrials = 1000;
export const defaultSeed = 20_230_701;

export type ComputeForecastInput = {
  period: ForecastPeriod;
  /**
   * Completed periods of the same kind before `period`, most recent first. The model learns from
   * the first eight; the band's past errors need each of the last four's own eight before it.
   */
  trainingPeriods: readonly ForecastPeriod[];
  asOfMs: number;
  /** The period's deals (close date inside it) as they stood at asOfMs, in scope. */
  periodDeals: readonly PeriodDeal[];
  /** The organisation's history as read at asOfMs: the win model learns from all of it. */
  history: readonly DealTimeline[];
  /** The scope's owners, for the run rate of business not yet in the pipeline. */
  includeOwner: (ownerId: string | null) => boolean;
  stageDefaults: ReadonlyMap<string, number>;
  trials?: number;
  seed?: number;
  /** Past point forecasts shared across calls with the same history and scope (the backtest). */
  pastForecastCache?: PastForecastErrorsInput['cache'];
  /** Called as each step ends, so a caller (the benchmark) can time the steps; core reads no clock. */
  onPhaseEnd?: (phase: ForecastPhase) => void;
};

export type ForecastPhase = 'point forecast' | 'past errors' | 'simulation' | 'quantiles';

export type ForecastResult = {
  weekOfPeriod: number;
  expectedMinor: number;
  p10Minor: number;
  p50Minor: number;
  p90Minor: number;
  closedWon: { amountMinor: number; deals: number };
  open: { expectedMinor: number; deals: number; method: WinModel['method']; note: string | null };
  runRate: RunRate;
  amountChange: { ratio: number; note: string | null };
  model: {
    snapshots: number;
    closedDeals: number;
    /** σ: standard deviation of the log-odds shift shared by the open deals in a trial. */
    shockSd: number;
    /** τ: log standard deviation of the period's factor on the uncertain remainder. */
    remainderShockSd: number;
    shockMethod: PeriodShock['method'];
    /** The finished periods whose forecast errors sized τ, with ln(actual / expected). */
    pastErrors: { period: string; logError: number }[];
    trials: number;
    seed: number;
  };
  trainingPeriods: string[];
  deals: DealForecast[];
  notes: string[];
  thinData: boolean;
};

/**
 * Candor's forecast of one period's bookings as of one moment:
 *
 *   bookings = closed won so far + (Σ open deals (win in period ? amount × amount change : 0)
 *              + business not yet in the pipeline) × e^(τ·z)
 *
 * expected = closed won + Σ p_i·a_i·r + mean run rate (computePointForecast). The range comes from
 * `trials` simulated periods: each open deal wins with its probability shifted by a log-odds shock
 * shared by all deals (σ), the run rate adds a draw from N(mean, sd²) cut at 0, and one period-level
 * factor e^(τ·z), z ~ N(0, 1), scales the uncertain remainder, so good and bad quarters move every
 * deal together. σ and τ come from estimatePeriodShock: from this organisation's own past forecast
 * errors (computePastForecastErrors) when two comparable finished periods exist, else from the
 * model, widened when this forecast fell back on thin data. The factor's median is 1, so P50 stays
 * near the expected value; the expected value itself never depends on the band.
 */
export function computeForecast(input: ComputeForecastInput): ForecastResult {
  const trials = input.trials ?? defaultTrials;
  const seed = input.seed ?? defaultSeed;
  const point = computePointForecast(input);
  input.onPhaseEnd?.('point forecast');
  const thinParts = listThinParts(point);
  const thinData = thinParts.length > 0;
  const past = computePastForecastErrors({
    period: input.period,
    trainingPeriods: input.trainingPeriods,
    asOfMs: input.asOfMs,
    history: input.history,
    includeOwner: input.includeOwner,
    stageDefaults: input.stageDefaults,
    currentThinParts: thinParts,
    ...(input.pastForecastCache ? { cache: input.pastForecastCache } : {}),
  });
  input.onPhaseEnd?.('past errors');
  const shock = estimatePeriodShock({
    errors: past.errors,
    snapshots: point.snapshots,
    model: point.model,
    thinParts,
    remainingShare: (input.period.endMs - input.asOfMs) / (input.period.endMs - input.period.startMs),
  });
  const totals = simulateTotals(point, { trials, seed, shock });
  input.onPhaseEnd?.('simulation');
  const quantiles = computeTrialQuantiles(totals);
  input.onPhaseEnd?.('quantiles');
  const { model, runRate, amountChange, deals } = point;
  const imputed = deals.filter((d) => d.amountImputed).length;
  const notes = [model.note, amountChange.note, runRate.note, shock.note].filter(
    (n): n is string => n !== null,
  );
  if (imputed > 0) {
    notes.push(`${imputed} open deals have no amount: the typical won amount stands in for theirs`);
  }
  return {
    weekOfPeriod: point.week,
    expectedMinor: point.expectedMinor,
    p10Minor: quantiles.p10,
    p50Minor: quantiles.p50,
    p90Minor: quantiles.p90,
    closedWon: point.closedWon,
    open: {
      expectedMinor: point.openExpectedMinor,
      deals: deals.length,
      method: model.method,
      note: model.note,
    },
    runRate,
    amountChange: { ratio: amountChange.ratio, note: amountChange.note },
    model: {
      snapshots: point.snapshots.length,
      closedDeals: model.closedDeals,
      shockSd: shock.logOddsSd,
      remainderShockSd: shock.remainderSd,
      shockMethod: shock.method,
      pastErrors: past.errors.map((e) => ({ period: e.period, logError: e.logError })),
      trials,
      seed,
    },
    trainingPeriods: point.completed.map((p) => p.name),
    deals,
    notes,
    thinData,
  };
}

/** Each trial's bookings: closed won + certain deals + (other open deals' wins + run-rate draw) × the period's factor. */
function simulateTotals(
  point: PointForecast,
  options: { trials: number; seed: number; shock: PeriodShock },
): Float64Array {
  const { trials, seed, shock } = options;
  // Certain deals (p = 1) win in every trial: they are not part of the uncertain remainder.
  const { probabilities, amounts, certainMinor: certain } = computeDealSimulationArrays(point.deals);
  const openTotals = simulateOpenDeals({
    probabilities,
    amounts,
    ownerSlots: new Int32Array(point.deals.length),
    owners: 1,
    trials,
    shockSd: shock.logOddsSd,
    seed,
  });
  const runRandom = createRandom(seed >>> 0).fork('run-rate');
  const shockRandom = createRandom(seed >>> 0).fork('period-shock');
  const { runRate } = point;
  return openTotals.map((open) => {
    const arriving =
      runRate.method === 'none'
        ? 0
        : Math.max(runRate.meanMinor + runRate.sdMinor * drawStandardNormal(runRandom), 0);
    const factor = shock.remainderSd > 0 ? Math.exp(shock.remainderSd * drawStandardNormal(shockRandom)) : 1;
    return point.closedWon.amountMinor + certain + (Math.max(open - certain, 0) + arriving) * factor;
  });
}
