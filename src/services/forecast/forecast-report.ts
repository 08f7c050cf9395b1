import type { ForecastResult } from '../../core/forecast/compute-forecast.js';
import { forecastMethodVersion } from '../../core/forecast/compute-forecast.js';
import type { ForecastPeriod } from '../../core/forecast/forecast-period.js';
import { formatMinor } from '../../core/money.js';

type Component = {
  expected: string;
  deals: number;
  method: 'ledger' | 'history' | 'stage-default' | 'run-rate' | 'none';
  note: string | null;
};

/** Candor's forecast of a period as the API and the CLI show it (see src/api/forecast.ts). */
export type ForecastReport = {
  period: string;
  asOf: string;
  currency: string;
  teamId: string | null;
  ownerId: string | null;
  closeFrom: string;
  closeTo: string;
  weekOfPeriod: number;
  weeksInPeriod: number;
  expected: string;
  p10: string;
  p50: string;
  p90: string;
  components: { closedWon: Component; openPipeline: Component; notInPipeline: Component };
  thinData: boolean;
  notes: string[];
  model: {
    version: string;
    trials: number;
    seed: number;
    trainingSnapshots: number;
    trainingPeriods: string[];
    shockSd: number;
    remainderShockSd: number;
    shockMethod: 'past-errors' | 'model' | 'model-thin-data';
    pastErrors: { period: string; logError: number }[];
    amountChangeRatio: number;
  };
  ledgerSeq: string;
  recordedSeq: string | null;
  deals: ForecastDealReport[];
};

export type ForecastDealReport = {
  id: string;
  ownerId: string | null;
  stage: string;
  closeDate: string | null;
  amount: string | null;
  amountImputed: boolean;
  pushCount: number;
  daysInStage: number;
  ageDays: number;
  winProbability: number;
  inPeriodProbability: number;
  probability: number;
  expected: string;
};

export type ReportContext = {
  period: ForecastPeriod;
  asOf: Date;
  currency: string;
  decimals: number;
  teamId: string | null;
  ownerId: string | null;
  ledgerSeq: bigint;
  includeDeals: boolean;
};

/** Turns the engine's numbers into the report: amounts rounded to minor units, as decimal strings. */
export function toForecastReport(result: ForecastResult, context: ReportContext): ForecastReport {
  const money = (minor: number) => formatMinor(BigInt(Math.round(minor)), context.decimals);
  return {
    period: context.period.name,
    asOf: context.asOf.toISOString(),
    currency: context.currency,
    teamId: context.teamId,
    ownerId: context.ownerId,
    closeFrom: context.period.startDay,
    closeTo: context.period.endDay,
    weekOfPeriod: result.weekOfPeriod,
    weeksInPeriod: context.period.weeks,
    expected: money(result.expectedMinor),
    p10: money(result.p10Minor),
    p50: money(result.p50Minor),
    p90: money(result.p90Minor),
    components: {
      closedWon: {
        expected: money(result.closedWon.amountMinor),
        deals: result.closedWon.deals,
        method: 'ledger',
        note: null,
      },
      openPipeline: {
        expected: money(result.open.expectedMinor),
        deals: result.open.deals,
        method: result.open.method,
        note: [result.open.note, result.amountChange.note].filter((n) => n !== null).join('; ') || null,
      },
      notInPipeline: {
        expected: money(result.runRate.meanMinor),
        deals: 0,
        method: result.runRate.method,
        note: result.runRate.note,
      },
    },
    thinData: result.thinData,
    notes: result.notes,
    model: {
      version: forecastMethodVersion,
      trials: result.model.trials,
      seed: result.model.seed,
      trainingSnapshots: result.model.snapshots,
      trainingPeriods: result.trainingPeriods,
      shockSd: round(result.model.shockSd, 4),
      remainderShockSd: round(result.model.remainderShockSd, 4),
      shockMethod: result.model.shockMethod,
      pastErrors: result.model.pastErrors.map((e) => ({ period: e.period, logError: round(e.logError, 4) })),
      amountChangeRatio: round(result.amountChange.ratio, 4),
    },
    ledgerSeq: context.ledgerSeq.toString(),
    recordedSeq: null,
    deals: context.includeDeals
      ? result.deals.map((d) => ({
          id: d.id,
          ownerId: d.ownerId,
          stage: d.stage,
          closeDate: d.closeDate,
          amount: d.amountMinor === null ? null : money(d.amountMinor),
          amountImputed: d.amountImputed,
          pushCount: d.pushCount,
          daysInStage: d.daysInStage,
          ageDays: d.ageDays,
          winProbability: round(d.winProbability, 4),
          inPeriodProbability: round(d.inPeriodProbability, 4),
          probability: round(d.probability, 4),
          expected: money(d.expectedMinor),
        }))
      : [],
  };
}

function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
