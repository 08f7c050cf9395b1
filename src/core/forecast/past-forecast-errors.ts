import { findVersionAt, sliceTimelinesAt, type DealTimeline } from './deal-timeline.js';
import type { ForecastPeriod } from './forecast-period.js';
import { computePeriodActual } from './period-actual.js';
import {
  computePointForecast,
  listThinParts,
  trainingPeriodCount,
  type PeriodDeal,
  type ThinPart,
} from './point-forecast.js';

/** The finished periods whose forecast errors size the band: the most recent ones. */
export const pastErrorPeriodCount = 4;

/** How far the forecast of one finished period missed, made at the same point of that period. */
export type PastForecastError = {
  period: string;
  asOfMs: number;
  expectedMinor: number;
  /** Closed won by that moment: the part of the forecast that was already certain. */
  closedMinor: number;
  /** What the period booked, as known at the current forecast's as-of moment. */
  actualMinor: number;
  /** ln(actual / expected). */
  logError: number;
  /** The same error carried to the uncertain remainder: ln(actual / expected) × expected / (expected − closed). */
  remainderLogError: number;
};

export type PastForecastErrorsInput = {
  period: ForecastPeriod;
  /** Completed periods before `period`, most recent first; each finished one's own training periods follow it. */
  trainingPeriods: readonly ForecastPeriod[];
  asOfMs: number;
  /** The organisation's history as read at asOfMs. */
  history: readonly DealTimeline[];
  includeOwner: (ownerId: string | null) => boolean;
  stageDefaults: ReadonlyMap<string, number>;
  /**
   * The parts where the current forecast fell back (listThinParts): a past forecast compares only
   * when it fell back nowhere else.
   */
  currentThinParts: readonly ThinPart[];
  /**
   * Past point forecasts keyed by period and moment, shared by calls over the same history and scope
   * (the backtest forecasts many weeks whose finished periods are the same).
   */
  cache?: Map<string, PastPoint>;
};

/** A past point forecast as cached: `thin` when it fell back anywhere, `thinParts` naming where. */
export type PastPoint = {
  expectedMinor: number;
  closedMinor: number;
  thin: boolean;
  thinParts?: readonly ThinPart[];
};

export type PastForecastErrors = {
  errors: PastForecastError[];
  /** Finished periods left out, and why (nothing booked, nothing expected, a thin-data forecast). */
  skipped: { period: string; reason: string }[];
};

/**
 * This organisation's own forecast errors, with no look-ahead: for each of the last four periods
 * that had finished by the as-of moment T, the forecast Candor would have made at the same point
 * of that period (start + (T − start of the current period)), from the history as it stood then
 * and trained only on the periods before it, against what that period booked as known at T:
 *
 *   e_Q = ln(actual_Q / expected_Q),   e_Q^rem = e_Q · expected_Q / (expected_Q − closed_Q)
 *
 * e^rem states the miss relative to the part that was still uncertain, so it can be applied to
 * the current forecast's own uncertain part whatever share of the period has already closed.
 * Left out: periods that booked nothing or expected nothing (no ratio), and past forecasts made on
 * thinner data than the current one: those that fell back on a part (stage defaults for the win
 * model, no run rate) where the current forecast did not. Their errors measure a method the current
 * forecast does not use: a first quarter of history forecast on stage defaults without a run rate
 * misses by far more than a forecast that lacks only the run rate.
 */
export function computePastForecastErrors(input: PastForecastErrorsInput): PastForecastErrors {
  const offsetMs = Math.max(input.asOfMs - input.period.startMs, 0);
  const errors: PastForecastError[] = [];
  const skipped: PastForecastErrors['skipped'] = [];
  const finished = input.trainingPeriods.filter((p) => p.endMs <= input.asOfMs);
  const inScope = input.history.filter((t) => input.includeOwner(t.ownerId));
  for (const [index, past] of finished.slice(0, pastErrorPeriodCount).entries()) {
    const asOfMs = Math.min(past.startMs + offsetMs, past.endMs - 1);
    const point = findPastPoint(input, { past, asOfMs, olderPeriods: finished.slice(index + 1) });
    const actual = computePeriodActual(inScope, past, input.asOfMs).actualMinor;
    if (!isComparable(point, input.currentThinParts))
      skipped.push({ period: past.name, reason: 'forecast on thinner data than this one' });
    else if (actual <= 0 || point.expectedMinor <= 0)
      skipped.push({ period: past.name, reason: actual <= 0 ? 'booked nothing' : 'expected nothing' });
    else {
      const logError = Math.log(actual / point.expectedMinor);
      // A forecast that was nearly all closed already carries its miss on a tiny remainder; the
      // amplification is capped at 20× and the result at ±3 (a factor of 20).
      const uncertain = Math.max(point.expectedMinor - point.closedMinor, point.expectedMinor / 20);
      const remainderLogError = (logError * point.expectedMinor) / uncertain;
      errors.push({
        period: past.name,
        asOfMs,
        expectedMinor: point.expectedMinor,
        closedMinor: point.closedMinor,
        actualMinor: actual,
        logError,
        remainderLogError: Math.min(Math.max(remainderLogError, -3), 3),
      });
    }
  }
  return { errors, skipped };
}

/** Whether a past forecast fell back only where the current one did too. */
function isComparable(past: PastPoint, current: readonly ThinPart[]): boolean {
  // A cached point without its parts named counts as thin everywhere it could be.
  const parts = past.thinParts ?? (past.thin ? (['win model', 'run rate'] as const) : []);
  return parts.every((part) => current.includes(part));
}

function findPastPoint(
  input: PastForecastErrorsInput,
  at: { past: ForecastPeriod; asOfMs: number; olderPeriods: readonly ForecastPeriod[] },
): PastPoint {
  const key = `${at.past.name}@${at.asOfMs}`;
  const cached = input.cache?.get(key);
  if (cached) return cached;
  const history = sliceTimelinesAt(input.history, at.asOfMs);
  const periodDeals: PeriodDeal[] = [];
  for (const timeline of history) {
    if (!input.includeOwner(timeline.ownerId)) continue;
    const state = findVersionAt(timeline, at.asOfMs);
    if (!state || state.closeDate === null) continue;
    if (state.closeDate < at.past.startDay || state.closeDate >= at.past.endDay) continue;
    if (state.isClosed && !state.isWon) continue;
    periodDeals.push({ id: timeline.id, ownerId: timeline.ownerId, state });
  }
  const point = computePointForecast({
    period: at.past,
    trainingPeriods: at.olderPeriods.slice(0, trainingPeriodCount),
    asOfMs: at.asOfMs,
    periodDeals,
    history,
    includeOwner: input.includeOwner,
    stageDefaults: input.stageDefaults,
  });
  const thinParts = listThinParts(point);
  const found = {
    expectedMinor: point.expectedMinor,
    closedMinor: point.closedWon.amountMinor,
    thin: thinParts.length > 0,
    thinParts,
  };
  input.cache?.set(key, found);
  return found;
}
