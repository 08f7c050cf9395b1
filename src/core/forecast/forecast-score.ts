import { z } from 'zod';
import { computeCallAccuracy, computeSignedError } from '../calls/compute-call-accuracy.js';
import { minorText, shareText, toShareText } from '../calls/score-text.js';
import { DomainError } from '../domain-error.js';
import type { LedgerEvent } from '../ledger-event.js';
import type { MinorUnits } from '../money.js';

/** Names how a stored forecast was scored, so a later change of method is visible in the ledger. */
export const forecastScoreMethod = 'expected-vs-closed-won/1';

/**
 * The payload of a `forecast.scored` event: one stored forecast (the latest of its scope and week
 * of the period) scored against what closed won in its scope, as known when the score was stored.
 * Appended once, on the forecast's own entity, after its period ended.
 */
export const forecastScoredSchema = z.object({
  period: z.string().min(1),
  scopeKey: z.string().min(1),
  week: z.number().int().min(1),
  currency: z.string().length(3),
  actualMinor: minorText,
  expectedMinor: minorText,
  p10Minor: minorText,
  p90Minor: minorText,
  /** expected − actual, in minor units: positive over-forecast, negative under-forecast. */
  errorMinor: minorText,
  /** 1 − |actual − expected| / actual; null when nothing closed (actual = 0). */
  accuracy01: shareText.nullable(),
  /** (expected − actual) / actual; null when nothing closed. */
  signedError01: shareText.nullable(),
  /** Whether the actual fell inside the forecast's P10–P90 band, both ends included. */
  withinBand: z.boolean(),
  method: z.string().min(1),
});
export type ForecastScorePayload = z.infer<typeof forecastScoredSchema>;

export type ForecastScore = {
  forecastId: string;
  seq: bigint;
  scoredAt: Date;
  period: string;
  scopeKey: string;
  week: number;
  currency: string;
  actualMinor: MinorUnits;
  expectedMinor: MinorUnits;
  p10Minor: MinorUnits;
  p90Minor: MinorUnits;
  errorMinor: MinorUnits;
  accuracy01: number | null;
  signedError01: number | null;
  withinBand: boolean;
  method: string;
};

/** What scoring needs of a stored forecast (src/store/forecast-record-queries.ts). */
export type ScorableForecast = {
  forecastId: string;
  period: string;
  scopeKey: string;
  asOf: Date;
  week: number;
  expectedMinor: MinorUnits;
  p10Minor: MinorUnits;
  p90Minor: MinorUnits;
};

/**
 * The forecasts of a period that get scored: for each scope and week of the period, the latest one
 * stored (by as-of, then id so ties are decided the same way everywhere). Forecasts stored at or
 * after `periodEnd` are not forecasts of a future any more and are left out.
 */
export function pickScoredForecasts<T extends ScorableForecast>(
  forecasts: readonly T[],
  periodEnd: Date,
): T[] {
  const latest = new Map<string, T>();
  for (const f of forecasts) {
    if (f.asOf.getTime() >= periodEnd.getTime()) continue;
    const key = `${f.period}\u0000${f.scopeKey}\u0000${f.week}`;
    const held = latest.get(key);
    const later =
      !held ||
      f.asOf.getTime() > held.asOf.getTime() ||
      (f.asOf.getTime() === held.asOf.getTime() && f.forecastId > held.forecastId);
    if (later) latest.set(key, f);
  }
  return [...latest.values()].sort((a, b) => a.scopeKey.localeCompare(b.scopeKey) || a.week - b.week);
}

/**
 * Scores one stored forecast against the actual of its scope:
 *   accuracy     = 1 − |actual − expected| / actual   (src/core/calls/compute-call-accuracy.ts)
 *   signed error = (expected − actual) / actual
 *   within band  = P10 ≤ actual ≤ P90
 * With actual = 0 the two shares are not defined and are null (left out of averages, as for calls);
 * the band check and the error in money still stand.
 */
export function computeForecastScore(input: {
  forecast: ScorableForecast;
  currency: string;
  actualMinor: MinorUnits;
}): ForecastScorePayload {
  const { forecast: f, actualMinor } = input;
  return {
    period: f.period,
    scopeKey: f.scopeKey,
    week: f.week,
    currency: input.currency,
    actualMinor: actualMinor.toString(),
    expectedMinor: f.expectedMinor.toString(),
    p10Minor: f.p10Minor.toString(),
    p90Minor: f.p90Minor.toString(),
    errorMinor: (f.expectedMinor - actualMinor).toString(),
    accuracy01: toShareText(computeCallAccuracy(actualMinor, f.expectedMinor)),
    signedError01: toShareText(computeSignedError(actualMinor, f.expectedMinor)),
    withinBand: f.p10Minor <= actualMinor && actualMinor <= f.p90Minor,
    method: forecastScoreMethod,
  };
}

type ForecastEvent = Pick<LedgerEvent, 'entityId' | 'kind' | 'payload' | 'businessTime' | 'seq'>;

/** The stored score of one forecast entity, or null before it was scored; two is a broken ledger. */
export function foldForecastScore(events: readonly ForecastEvent[]): ForecastScore | null {
  const [event, second] = events.filter((e) => e.kind === 'forecast.scored');
  if (!event) return null;
  if (second) {
    throw new DomainError(
      'ledger-broken',
      `forecast ${event.entityId} was scored twice (seq ${event.seq} and ${second.seq})`,
    );
  }
  const parsed = forecastScoredSchema.safeParse(event.payload);
  if (!parsed.success) {
    throw new DomainError(
      'ledger-broken',
      `forecast ${event.entityId} has a malformed score (seq ${event.seq})`,
    );
  }
  const p = parsed.data;
  return {
    forecastId: event.entityId,
    seq: event.seq,
    scoredAt: event.businessTime,
    period: p.period,
    scopeKey: p.scopeKey,
    week: p.week,
    currency: p.currency,
    actualMinor: BigInt(p.actualMinor),
    expectedMinor: BigInt(p.expectedMinor),
    p10Minor: BigInt(p.p10Minor),
    p90Minor: BigInt(p.p90Minor),
    errorMinor: BigInt(p.errorMinor),
    accuracy01: p.accuracy01 === null ? null : Number(p.accuracy01),
    signedError01: p.signedError01 === null ? null : Number(p.signedError01),
    withinBand: p.withinBand,
    method: p.method,
  };
}

export type ForecastTrackRecord = {
  scopeKey: string;
  /** Periods with at least one scored forecast. */
  periods: number;
  /** Mean accuracy of the week-k forecast over the periods where it is defined. */
  accuracyByWeek: { week: number; accuracy01: number; forecasts: number }[];
  meanAccuracy01: number | null;
  /** Mean signed error: positive, Candor forecast too high; negative, too low. */
  bias01: number | null;
  /** Share of scored forecasts whose P10–P90 band held the actual. */
  coverage01: number | null;
  scored: number;
};

/** Candor's own track record for one scope: its stored scores summed up by week of the period. */
export function computeForecastTrackRecord(
  scopeKey: string,
  scores: readonly Pick<
    ForecastScore,
    'period' | 'scopeKey' | 'week' | 'accuracy01' | 'signedError01' | 'withinBand'
  >[],
): ForecastTrackRecord {
  const own = scores.filter((s) => s.scopeKey === scopeKey);
  const byWeek = new Map<number, number[]>();
  for (const s of own) {
    if (s.accuracy01 !== null) byWeek.set(s.week, [...(byWeek.get(s.week) ?? []), s.accuracy01]);
  }
  const accuracies = own.map((s) => s.accuracy01).filter((a): a is number => a !== null);
  const errors = own.map((s) => s.signedError01).filter((e): e is number => e !== null);
  return {
    scopeKey,
    periods: new Set(own.map((s) => s.period)).size,
    accuracyByWeek: [...byWeek]
      .sort((a, b) => a[0] - b[0])
      .map(([week, values]) => ({ week, accuracy01: mean(values), forecasts: values.length })),
    meanAccuracy01: accuracies.length === 0 ? null : mean(accuracies),
    bias01: errors.length === 0 ? null : mean(errors),
    coverage01: own.length === 0 ? null : own.filter((s) => s.withinBand).length / own.length,
    scored: own.length,
  };
}

const mean = (values: readonly number[]): number => values.reduce((s, v) => s + v, 0) / values.length;
