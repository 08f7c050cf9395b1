import type { TrainingSnapshot } from './training-snapshot.js';

/** Won snapshots with both amounts needed before the ratio is learnt rather than taken as 1. */
export const minWonForAmountChange = 20;
/** Pseudo-deals at a ratio of 1 that pull the learnt ratio toward "no change". */
export const amountChangePriorDeals = 10;

export type AmountChange = { ratio: number; wonSnapshots: number; note: string | null };

/**
 * How much a deal's amount changed between the pipeline and the win, from history:
 *
 *   ratio = (Σ won amount + k·ā) / (Σ amount in the pipeline then + k·ā),   k = 10
 *
 * over snapshots that were won in their period with both amounts known; ā is the mean pipeline
 * amount, so the k pseudo-deals have the typical size and no change. A ratio of 0.9 means won
 * deals closed on average 10 % below what the pipeline showed. Source: a ratio estimator
 * (Cochran, Sampling Techniques, ch. 6) with additive smoothing.
 *
 * Thin data: fewer than 20 such snapshots gives a ratio of 1, with a note.
 */
export function computeAmountChange(snapshots: readonly TrainingSnapshot[]): AmountChange {
  let won = 0;
  let before = 0;
  let count = 0;
  for (const s of snapshots) {
    if (!s.wonInPeriod || s.amountMinor === null || s.wonAmountMinor === null || s.amountMinor <= 0) continue;
    won += s.wonAmountMinor;
    before += s.amountMinor;
    count += 1;
  }
  if (count < minWonForAmountChange) {
    return {
      ratio: 1,
      wonSnapshots: count,
      note: `only ${count} won deals with amounts in the training window (at least ${minWonForAmountChange} needed): amounts taken as they stand`,
    };
  }
  const mean = before / count;
  const k = amountChangePriorDeals;
  return { ratio: (won + k * mean) / (before + k * mean), wonSnapshots: count, note: null };
}
