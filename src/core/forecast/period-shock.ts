import { computeLogit, solveLogOddsShift } from './log-odds.js';
import type { TrainingSnapshot } from './training-snapshot.js';
import { predictWin, type WinModel } from './win-model.js';

/** Shock standard deviation used when fewer than three training periods exist. */
export const defaultShockSd = 0.5;
/** The least shock ever used: three periods can look alike by chance. */
export const minShockSd = 0.2;
export const maxShockSd = 1.5;

/**
 * How much whole periods ran hotter or colder than the model, as the standard deviation of one
 * log-odds shift per training period:
 *
 *   θ_Q solves Σ_{i in Q} expit(logit(p_i) + θ_Q) = wins in period of Q's snapshots,
 *   σ = sd(θ_Q) over the training periods, clamped to [0.2, 1.5].
 *
 * This is the between-period spread of a random intercept (method of moments). The model is fitted
 * on the same periods, so the θ_Q centre near 0 and σ measures their spread, not a bias.
 * Edge cases: fewer than three periods gives 0.5; a stage-default model (no history to trust) gives
 * 0.5 as well.
 */
export function estimatePeriodShock(snapshots: readonly TrainingSnapshot[], model: WinModel): number {
  if (model.method !== 'history') return defaultShockSd;
  const byPeriod = new Map<string, { logits: number[]; won: number }>();
  for (const s of snapshots) {
    const group = byPeriod.get(s.period) ?? { logits: [], won: 0 };
    group.logits.push(computeLogit(predictWin(model, s).probability));
    group.won += s.wonInPeriod ? 1 : 0;
    byPeriod.set(s.period, group);
  }
  const shifts = [...byPeriod.values()].map((g) => solveLogOddsShift(g.logits, g.won, 0));
  if (shifts.length < 3) return defaultShockSd;
  const mean = shifts.reduce((a, b) => a + b, 0) / shifts.length;
  const sd = Math.sqrt(shifts.reduce((a, b) => a + (b - mean) ** 2, 0) / (shifts.length - 1));
  return Math.min(Math.max(sd, minShockSd), maxShockSd);
}
