import { computeLogit, solveLogOddsShift } from './log-odds.js';
import type { PastForecastError } from './past-forecast-errors.js';
import type { TrainingSnapshot } from './training-snapshot.js';
import { predictWin, type WinModel } from './win-model.js';

/** Comparable finished periods needed before their forecast errors size the band. */
export const minPastErrorPeriods = 2;
/**
 * The factor on the uncertain remainder of a thin-data forecast (no run rate, or stage defaults)
 * when too few past errors exist: e^(0.5·z), so the remainder is off by up to ×1.9 at P90.
 */
export const thinDataRemainderSd = 0.5;
export const minRemainderShockSd = 0.05;
export const maxRemainderShockSd = 2;

/** Log-odds shock standard deviation used when fewer than three training periods exist. */
export const defaultLogOddsShockSd = 0.5;
const minLogOddsShockSd = 0.2;
const maxLogOddsShockSd = 1.5;

/**
 * The shared period-level shock of one forecast's simulation: a log-odds shift shared by every
 * open deal (σ, logOddsSd) and a factor e^(τ·z) on the whole uncertain remainder (τ, remainderSd).
 */
export type PeriodShock = {
  method: 'past-errors' | 'model' | 'model-thin-data';
  logOddsSd: number;
  remainderSd: number;
  /** Comparable finished periods whose errors were measured. */
  periods: number;
  note: string | null;
};

/**
 * Sizes the band from this organisation's own past forecast errors (computePastForecastErrors:
 * the forecast of each of the last four finished periods at the same point of the period, against
 * what it booked, no look-ahead).
 *
 * - With at least 2 comparable errors: each trial multiplies the uncertain remainder (open deals
 *   and business not yet in the pipeline) by e^(τ·z), z ~ N(0, 1), with
 *       τ = √(Σ e_Q^rem² / n), clamped to [0.05, 2],
 *   and the open deals are drawn independently given it (σ = 0). The root mean square around 0,
 *   not the spread around the mean, counts a steady bias as error: the band widens, the forecast
 *   does not move.
 * - Fewer (the stated fallback): the model's own band, a log-odds shift shared by the deals with σ
 *   from the training periods (estimateLogOddsShock); and when this forecast itself fell back on
 *   thin data (no run rate or stage defaults), whose missing parts the model cannot see, the
 *   remainder also gets the factor e^(0.5·z).
 */
export function estimatePeriodShock(input: {
  errors: readonly PastForecastError[];
  snapshots: readonly TrainingSnapshot[];
  model: WinModel;
  thinData: boolean;
}): PeriodShock {
  const n = input.errors.length;
  if (n >= minPastErrorPeriods) {
    const rms = Math.sqrt(input.errors.reduce((sum, e) => sum + e.remainderLogError ** 2, 0) / n);
    return {
      method: 'past-errors',
      logOddsSd: 0,
      remainderSd: Math.min(Math.max(rms, minRemainderShockSd), maxRemainderShockSd),
      periods: n,
      note: null,
    };
  }
  const logOddsSd = estimateLogOddsShock(input.snapshots, input.model);
  const measured = `only ${n} comparable finished periods to measure the forecast's errors on (at least ${minPastErrorPeriods} needed)`;
  return input.thinData
    ? {
        method: 'model-thin-data',
        logOddsSd,
        remainderSd: thinDataRemainderSd,
        periods: n,
        note: `${measured}: the range is the model's own, widened for the parts thin data leaves out (the uncertain part × e^(±0.5) at one standard deviation)`,
      }
    : {
        method: 'model',
        logOddsSd,
        remainderSd: 0,
        periods: n,
        note: `${measured}: the range is the model's own`,
      };
}

/**
 * How much whole periods ran hotter or colder than the win model, as the standard deviation of
 * one log-odds shift per training period:
 *
 *   θ_Q solves Σ_{i in Q} expit(logit(p_i) + θ_Q) = wins in period of Q's snapshots,
 *   σ = sd(θ_Q) over the training periods, clamped to [0.2, 1.5].
 *
 * This is the between-period spread of a random intercept (method of moments). The model is fitted
 * on the same periods, so the θ_Q centre near 0 and σ measures their spread, not a bias.
 * Edge cases: fewer than three periods gives 0.5; a stage-default model (no history to trust) gives
 * 0.5 as well.
 */
export function estimateLogOddsShock(snapshots: readonly TrainingSnapshot[], model: WinModel): number {
  if (model.method !== 'history') return defaultLogOddsShockSd;
  const byPeriod = new Map<string, { logits: number[]; won: number }>();
  for (const s of snapshots) {
    const group = byPeriod.get(s.period) ?? { logits: [], won: 0 };
    group.logits.push(computeLogit(predictWin(model, s).probability));
    group.won += s.wonInPeriod ? 1 : 0;
    byPeriod.set(s.period, group);
  }
  const shifts = [...byPeriod.values()].map((g) => solveLogOddsShift(g.logits, g.won, 0));
  if (shifts.length < 3) return defaultLogOddsShockSd;
  const mean = shifts.reduce((a, b) => a + b, 0) / shifts.length;
  const sd = Math.sqrt(shifts.reduce((a, b) => a + (b - mean) ** 2, 0) / (shifts.length - 1));
  return Math.min(Math.max(sd, minLogOddsShockSd), maxLogOddsShockSd);
}
