import { computeAmountChange, type AmountChange } from './amount-change.js';
import { computeWeekOfPeriod, msPerDay, type ForecastPeriod } from './forecast-period.js';
import type { DealTimeline, DealVersion } from './deal-timeline.js';
import { computeRunRate, type RunRate } from './run-rate.js';
import { computeTrainingSnapshots, type TrainingSnapshot } from './training-snapshot.js';
import { computeTypicalWonAmount } from './typical-won-amount.js';
import { fitWinModel, predictWin, type WinModel } from './win-model.js';

/** Completed periods of the same kind the model learns from. */
export const trainingPeriodCount = 8;

/** A deal of the forecast's period as it stood at the as-of moment, within the scope asked for. */
export type PeriodDeal = { id: string; ownerId: string | null; state: DealVersion };

export type PointForecastInput = {
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
  /** The amount the deal books when won (imputed and changed by history), for the simulation. */
  bookedMinor: number;
};

export type PointForecast = {
  week: number;
  completed: ForecastPeriod[];
  snapshots: readonly TrainingSnapshot[];
  model: WinModel;
  amountChange: AmountChange;
  runRate: RunRate;
  closedWon: { amountMinor: number; deals: number };
  /** Open deals, largest expected amount first. */
  deals: DealForecast[];
  openExpectedMinor: number;
  /** closed won + Σ p·a·r + mean run rate. */
  expectedMinor: number;
};

/** A part of the forecast that fell back on a simpler method for lack of history. */
export type ThinPart = 'win model' | 'run rate';

/**
 * The parts of a point forecast that fell back: the win model on stage defaults (too few closed
 * deals), the run rate missing (too few completed periods). Empty when the forecast has its full
 * method; the forecast is on thin data when any part fell back.
 */
export function listThinParts(point: Pick<PointForecast, 'model' | 'runRate'>): ThinPart[] {
  const parts: ThinPart[] = [];
  if (point.model.method !== 'history') parts.push('win model');
  if (point.runRate.method === 'none') parts.push('run rate');
  return parts;
}

/**
 * The expected part of Candor's forecast, without its range:
 *
 *   expected = closed won so far + Σ_open p_i·a_i·r + mean run rate
 *
 * p_i from the win model fitted on the completed training periods as read at asOfMs, r the
 * historical amount change, the run rate what past periods created after the same point and won
 * inside themselves. computeForecast adds the range; computePastForecastErrors replays this for
 * finished periods to learn how far such forecasts missed.
 */
export function computePointForecast(input: PointForecastInput): PointForecast {
  const { period, asOfMs } = input;
  const week = computeWeekOfPeriod(period, asOfMs);
  const completed = input.trainingPeriods.filter((p) => p.endMs <= asOfMs).slice(0, trainingPeriodCount);
  const snapshots = computeTrainingSnapshots(input.history, { periods: completed, asOfMs });
  const model = fitWinModel(snapshots, input.stageDefaults);
  const amountChange = computeAmountChange(snapshots);
  const typicalAmount = computeTypicalWonAmount(snapshots);
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
    const bookedMinor = amount * amountChange.ratio;
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
      expectedMinor: prediction.probability * bookedMinor,
      bookedMinor,
    });
  }
  deals.sort((a, b) => b.expectedMinor - a.expectedMinor || a.id.localeCompare(b.id));
  const openExpectedMinor = deals.reduce((sum, d) => sum + d.expectedMinor, 0);
  return {
    week,
    completed,
    snapshots,
    model,
    amountChange,
    runRate,
    closedWon: { amountMinor: closedWon, deals: closedDeals },
    deals,
    openExpectedMinor,
    expectedMinor: closedWon + openExpectedMinor + runRate.meanMinor,
  };
}
