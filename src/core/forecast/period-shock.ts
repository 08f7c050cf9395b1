import { computeExpit, computeLogit, solveLogOddsShift } from './log-odds.js';
import type { PastForecastError } from './past-forecast-errors.js';
import type { ThinPart } from './point-forecast.js';
import type { TrainingSnapshot } from './training-snapshot.js';
import { predictWin, type WinModel } from './win-model.js';

/** Comparable finished periods needed before their forecast errors size the band. */
export const minPastErrorPeriods = 2;
/**
 * The factor on the uncertain remainder of a thin-data forecast when too few past errors exist:
 * e^(0.5·z) when the win model fell back on stage defaults, so the remainder is off by up to ×1.9
 * at P90. When only the run rate is missing it is scaled by √(share of the period still to run).
 */
export const thinDataRemainderSd = 0.5;
export const minRemainderShockSd = 0.05;
export const maxRemainderShockSd = 2;

/** Log-odds shock standard deviation used when fewer than three training periods exist. */
export const defaultLogOddsShockSd = 0.5;
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
 *   thin data, whose missing parts the model cannot see, the remainder also gets a factor e^(τ·z):
 *       τ = 0.5                 when the win model fell back on stage defaults (every open deal's
 *                               chance is a guess, whatever the week),
 *       τ = 0.5 · √(s)          when only the run rate is missing, s the share of the period still
 *                               to run: what it leaves out is business not yet in the pipeline,
 *                               which can arrive only in the time left, and whose spread grows as
 *                               the square root of that time (independent arrivals).
 */
export function estimatePeriodShock(input: {
  errors: readonly PastForecastError[];
  snapshots: readonly TrainingSnapshot[];
  model: WinModel;
  /** Where the current forecast fell back (listThinParts); empty for its full method. */
  thinParts: readonly ThinPart[];
  /** Share of the period still to run at the as-of moment, in [0, 1]. */
  remainingShare: number;
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
  const thinSd = estimateThinDataSd(input.thinParts, input.remainingShare);
  return input.thinParts.length > 0
    ? {
        method: 'model-thin-data',
        logOddsSd,
        remainderSd: thinSd,
        periods: n,
        note: `${measured}: the range is the model's own, widened for the parts thin data leaves out (the uncertain part × e^(±${Number(thinSd.toFixed(2))}) at one standard deviation)`,
      }
    : {
        method: 'model',
        logOddsSd,
        remainderSd: 0,
        periods: n,
        note: `${measured}: the range is the model's own`,
      };
}

/** τ of the thin-data widening: see estimatePeriodShock. */
export function estimateThinDataSd(thinParts: readonly ThinPart[], remainingShare: number): number {
  if (thinParts.includes('win model')) return thinDataRemainderSd;
  if (thinParts.includes('run rate'))
    return thinDataRemainderSd * Math.sqrt(Math.min(Math.max(remainingShare, 0), 1));
  return 0;
}

/**
 * How much whole periods ran hotter or colder than the win model, beyond chance, as the standard
 * deviation of one log-odds shift shared by a period's deals (a random intercept):
 *
 *   θ_Q solves Σ_{i in Q} expit(logit(p_i) + θ_Q) = wins in period of Q's snapshots,
 *   v_Q = Σ_deals k_d² q_d(1 − q_d) / (Σ_i q_i(1 − q_i))²,   q = expit(logit(p) + θ_Q),
 *   σ² = max(var(θ_Q) − mean(v_Q), 0)   over the training periods, σ at most 1.5.
 *
 * var(θ_Q) (sample variance, n − 1) is the observed spread of the per-period shifts; v_Q is how far
 * θ_Q strays by chance alone, with the deals won or lost independently at their own chances (the
 * delta method: the variance of the wins over the slope of the expected wins; a deal seen in k_d
 * weekly snapshots has one outcome, so it counts k_d² times). The simulation draws that chance
 * already, deal by deal; only the spread beyond it is a shared shock (the method-of-moments
 * estimator of a random effect's variance, as in DerSimonian–Laird). When chance explains all the
 * spread, σ = 0: the periods were as alike as their deal counts allow.
 * The model is fitted on the same periods, so the θ_Q centre near 0 and σ measures their spread, not
 * a bias. Edge cases: fewer than three periods gives 0.5; a stage-default model (no history to
 * trust) gives 0.5 as well.
 */
export function estimateLogOddsShock(snapshots: readonly TrainingSnapshot[], model: WinModel): number {
  if (model.method !== 'history') return defaultLogOddsShockSd;
  const byPeriod = new Map<string, { logits: number[]; dealIds: string[]; won: number }>();
  for (const s of snapshots) {
    const group = byPeriod.get(s.period) ?? { logits: [], dealIds: [], won: 0 };
    group.logits.push(computeLogit(predictWin(model, s).probability));
    group.dealIds.push(s.dealId);
    group.won += s.wonInPeriod ? 1 : 0;
    byPeriod.set(s.period, group);
  }
  const groups = [...byPeriod.values()];
  if (groups.length < 3) return defaultLogOddsShockSd;
  const shifts = groups.map((g) => solveLogOddsShift(g.logits, g.won, 0));
  const mean = shifts.reduce((a, b) => a + b, 0) / shifts.length;
  const observed = shifts.reduce((a, b) => a + (b - mean) ** 2, 0) / (shifts.length - 1);
  const chance = groups.reduce((sum, g, i) => sum + estimateShiftSamplingVariance(g, shifts[i] ?? 0), 0);
  const between = Math.max(observed - chance / groups.length, 0);
  return Math.min(Math.sqrt(between), maxLogOddsShockSd);
}

/** v_Q of estimateLogOddsShock: the variance of one period's fitted shift from chance alone. */
function estimateShiftSamplingVariance(
  group: { logits: readonly number[]; dealIds: readonly string[] },
  shift: number,
): number {
  let slope = 0;
  const perDeal = new Map<string, { sum: number; count: number }>();
  group.logits.forEach((logit, i) => {
    const q = computeExpit(logit + shift);
    slope += q * (1 - q);
    const id = group.dealIds[i] as string;
    const deal = perDeal.get(id) ?? { sum: 0, count: 0 };
    deal.sum += q;
    deal.count += 1;
    perDeal.set(id, deal);
  });
  if (slope <= 0) return 0;
  let winsVariance = 0;
  for (const { sum, count } of perDeal.values()) {
    const q = sum / count;
    winsVariance += count ** 2 * q * (1 - q);
  }
  return winsVariance / slope ** 2;
}
