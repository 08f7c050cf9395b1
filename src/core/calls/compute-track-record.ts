import type { MinorUnits } from '../money.js';
import { computeCallAccuracy, computeSignedError } from './compute-call-accuracy.js';

/** One closed period of one person: what closed in their scope and their frozen call of each week. */
export type ScoredPeriod = {
  period: string;
  actualMinor: MinorUnits;
  calls: readonly { week: number; commitMinor: MinorUnits }[];
};

export type TrackRecord = {
  /** Closed periods with at least one call and something closed (the ones that can be scored). */
  periods: number;
  /** Mean accuracy of the week-k call over the scored periods, for each week that had calls. */
  accuracyByWeek: { week: number; accuracy01: number; calls: number }[];
  /** Mean accuracy over every scored call. */
  meanAccuracy01: number | null;
  /** The person's own mean signed error (positive: over-calling; negative: sandbagging). */
  rawBias01: number | null;
  /** The team's mean signed error, the prior the person's bias is shrunk toward. */
  teamBias01: number | null;
  /** Weight of the person's own bias in `bias01`: min(periods, 4) / 4. */
  ownWeight01: number;
  /** The bias to show: shrunk toward the team's until four periods exist. */
  bias01: number | null;
};

/** Periods after which a person's own bias stands on its own. */
export const fullCredibilityPeriods = 4;

/**
 * A period's signed bias: the mean over its weekly calls of (call − actual) / actual. Null when
 * nothing closed or there were no calls.
 */
export function computePeriodBias(period: ScoredPeriod): number | null {
  const errors = period.calls
    .map((c) => computeSignedError(period.actualMinor, c.commitMinor))
    .filter((e): e is number => e !== null);
  return errors.length === 0 ? null : mean(errors);
}

/**
 * A person's forecast track record across closed periods.
 *
 * Accuracy of a call: 1 − |actual − call| / actual (compute-call-accuracy.ts), of the commit figure
 * frozen for each week of the period; `accuracyByWeek[k]` averages the week-k calls over periods.
 *
 * Bias, shrunk toward the team (a credibility-weighted mean, as in Bühlmann credibility with a
 * fixed full-credibility count instead of an estimated variance ratio):
 *
 *   b_p  = mean over the period's calls of (call − actual) / actual
 *   b    = mean of b_p over the person's n scored periods
 *   w    = min(n, 4) / 4
 *   bias = w · b + (1 − w) · b_team
 *
 * where b_team is the mean of b_p over every scored period of the people of the team (the person
 * included), passed in as `teamPeriodBiases`. With no scored period the bias is null; with four or
 * more it is the person's own; with an empty team list the person's own bias is used unshrunk.
 */
export function computeTrackRecord(
  periods: readonly ScoredPeriod[],
  teamPeriodBiases: readonly number[],
): TrackRecord {
  const scored = periods.filter((p) => p.actualMinor !== 0n && p.calls.length > 0);
  const byWeek = new Map<number, number[]>();
  const all: number[] = [];
  for (const period of scored) {
    for (const call of period.calls) {
      const accuracy = computeCallAccuracy(period.actualMinor, call.commitMinor);
      if (accuracy === null) continue;
      all.push(accuracy);
      byWeek.set(call.week, [...(byWeek.get(call.week) ?? []), accuracy]);
    }
  }
  const biases = scored.map(computePeriodBias).filter((b): b is number => b !== null);
  const rawBias01 = biases.length === 0 ? null : mean(biases);
  const teamBias01 = teamPeriodBiases.length === 0 ? null : mean(teamPeriodBiases);
  const ownWeight01 = Math.min(biases.length, fullCredibilityPeriods) / fullCredibilityPeriods;
  let bias01: number | null = null;
  if (rawBias01 !== null) {
    bias01 = teamBias01 === null ? rawBias01 : ownWeight01 * rawBias01 + (1 - ownWeight01) * teamBias01;
  }
  return {
    periods: scored.length,
    accuracyByWeek: [...byWeek.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([week, values]) => ({ week, accuracy01: mean(values), calls: values.length })),
    meanAccuracy01: all.length === 0 ? null : mean(all),
    rawBias01,
    teamBias01,
    ownWeight01,
    bias01,
  };
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}
