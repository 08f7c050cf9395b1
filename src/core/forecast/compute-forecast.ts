import { createRandom } from '../demo/random.js';
import { computeAmountChange } from './amount-change.js';
import type { DealTimeline, DealVersion } from './deal-timeline.js';
import { computeWeekOfPeriod, msPerDay, type ForecastPeriod } from './forecast-period.js';
import { estimatePeriodShock } from './period-shock.js';
import { computeRunRate, type RunRate } from './run-rate.js';
import { drawStandardNormal, simulateOpenDeals } from './simulate-open-deals.js';
import { computeTrainingSnapshots } from './training-snapshot.js';
import { computeTrialQuantiles } from './trial-quantiles.js';
import { computeTypicalWonAmount } from './typical-won-amount.js';
import { fitWinModel, predictWin, type WinModel } from './win-model.js';

/** Names the method, so stored forecasts say how they were made and can be compared fairly. */
export const forecastMethodVersion = 'candor-forecast/1';
export const defaultTrials = 1000;
export const defaultSeed = 20_230_701;
/** Completed periods of the same kind the model learns from. */
export const trainingPeriodCount = 8;

/** A deal of the forecast's period as it stood at the as-of moment, within the scope asked for. */
export type PeriodDeal = { id: string; ownerId: string | null; state: DealVersion };

export type ComputeForecastInput = {
  period: ForecastPeriod;
  /** Completed periods of the same kind before `period`, most recent first. */
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
};

export type DealForecast = {
  id: string;
  ownerId: string | null;
  stage: string;
  closeDate: string | null;
  amountMinor: number | null;
  amountImputed: boolean;
  pushCount: number;
  daysInStage: number;
  ageDays: number;
  winProbability: number;
  inPeriodProbability: number;
  probability: number;
  expectedMinor: number;
};

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
  model: { snapshots: number; closedDeals: number; shockSd: number; trials: number; seed: number };
  trainingPeriods: string[];
  deals: DealForecast[];
  notes: string[];
  thinData: boolean;
};

/**
 * Candor's forecast of one period's bookings as of one moment:
 *
 *   bookings = closed won so far + Σ open deals (win in period ? amount × amount change : 0)
 *              + business not yet in the pipeline (run rate)
 *
 * expected = closed won + Σ p_i·a_i·r + mean run rate; P10/P50/P90 from `trials` simulated
 * periods (simulateOpenDeals, with the shared shock) plus a run-rate draw per trial from
 * N(mean, sd²) cut at 0. Each part says its method and, when it fell back, why.
 */
export function computeForecast(input: ComputeForecastInput): ForecastResult {
  const trials = input.trials ?? defaultTrials;
  const seed = input.seed ?? defaultSeed;
  const { period, asOfMs } = input;
  const week = computeWeekOfPeriod(period, asOfMs);
  const completed = input.trainingPeriods.filter((p) => p.endMs <= asOfMs).slice(0, trainingPeriodCount);
  const snapshots = computeTrainingSnapshots(input.history, { periods: completed, asOfMs });
  const model = fitWinModel(snapshots, input.stageDefaults);
  const amountChange = computeAmountChange(snapshots);
  const typicalAmount = computeTypicalWonAmount(snapshots);
  const shockSd = estimatePeriodShock(snapshots, model);
  const runRate = computeRunRate(input.history, {
    periods: completed,
    offsetMs: Math.max(asOfMs - period.startMs, 0),
    asOfMs,
    includeOwner: input.includeOwner,
  });

  let closedWon = 0;
  let closedDeals = 0;
  const deals: DealForecast[] = [];
  for (const { id, ownerId, state } of input.periodDeals) {
    if (state.isClosed) {
      if (state.isWon && state.amountMinor !== null) {
        closedWon += state.amountMinor;
        closedDeals += 1;
      }
      continue;
    }
    const features = {
      stage: state.stage,
      week,
      probability01: state.probability01,
      pushCount: state.pushCount,
      daysInStage: Math.max(Math.floor((asOfMs - state.stageEnteredAtMs) / msPerDay), 0),
      ageDays: Math.max(Math.floor((asOfMs - state.createdAtMs) / msPerDay), 0),
    };
    const prediction = predictWin(model, features);
    const amountImputed = state.amountMinor === null && typicalAmount !== null && model.method === 'history';
    const amount = state.amountMinor ?? (amountImputed ? (typicalAmount as number) : 0);
    deals.push({
      id,
      ownerId,
      stage: state.stage,
      closeDate: state.closeDate,
      amountMinor: state.amountMinor,
      amountImputed,
      pushCount: state.pushCount,
      daysInStage: features.daysInStage,
      ageDays: features.ageDays,
      ...prediction,
      expectedMinor: prediction.probability * amount * amountChange.ratio,
    });
  }

  deals.sort((a, b) => b.expectedMinor - a.expectedMinor || a.id.localeCompare(b.id));
  const openTotals = simulateOpenDeals({
    probabilities: Float64Array.from(deals, (d) => d.probability),
    amounts: Float64Array.from(
      deals,
      (d) => (d.amountMinor ?? (d.amountImputed ? (typicalAmount as number) : 0)) * amountChange.ratio,
    ),
    ownerSlots: new Int32Array(deals.length),
    owners: 1,
    trials,
    shockSd,
    seed,
  });
  const runRandom = createRandom(seed >>> 0).fork('run-rate');
  const totals = openTotals.map((open) => {
    const arriving =
      runRate.method === 'none'
        ? 0
        : Math.max(runRate.meanMinor + runRate.sdMinor * drawStandardNormal(runRandom), 0);
    return closedWon + open + arriving;
  });
  const quantiles = computeTrialQuantiles(totals);
  const openExpected = deals.reduce((sum, d) => sum + d.expectedMinor, 0);
  const imputed = deals.filter((d) => d.amountImputed).length;
  const notes = [model.note, amountChange.note, runRate.note].filter((n): n is string => n !== null);
  if (imputed > 0) {
    notes.push(`${imputed} open deals have no amount: the typical won amount stands in for theirs`);
  }
  return {
    weekOfPeriod: week,
    expectedMinor: closedWon + openExpected + runRate.meanMinor,
    p10Minor: quantiles.p10,
    p50Minor: quantiles.p50,
    p90Minor: quantiles.p90,
    closedWon: { amountMinor: closedWon, deals: closedDeals },
    open: { expectedMinor: openExpected, deals: deals.length, method: model.method, note: model.note },
    runRate,
    amountChange: { ratio: amountChange.ratio, note: amountChange.note },
    model: { snapshots: snapshots.length, closedDeals: model.closedDeals, shockSd, trials, seed },
    trainingPeriods: completed.map((p) => p.name),
    deals,
    notes,
    thinData: model.method !== 'history' || runRate.method === 'none',
  };
}
