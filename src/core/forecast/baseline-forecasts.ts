import type { PeriodDeal } from './compute-forecast.js';

export type BaselineForecasts = {
  /** Closed won + Σ open amount × the stage's probability as recorded on the deal then. */
  stageWeighted: number;
  /** Closed won + Σ open amount of deals in the Commit category then. */
  commitPlusClosed: number;
};

/**
 * The simple forecasts Candor is measured against, from the period's deals as they stood:
 * - stage-weighted pipeline = W + Σ_open a_i·q_i, q_i the probability recorded with the deal's
 *   stage at that moment (the stage's default when none was recorded; 0 when neither is known);
 * - commit plus closed = W + Σ_{open, category Commit} a_i,
 * where W is what was already closed won with a close date in the period. Deals without an
 * amount add nothing.
 */
export function computeBaselineForecasts(
  deals: readonly PeriodDeal[],
  stageDefaults: ReadonlyMap<string, number>,
): BaselineForecasts {
  let won = 0;
  let weighted = 0;
  let commit = 0;
  for (const { state } of deals) {
    const amount = state.amountMinor ?? 0;
    if (state.isClosed) {
      if (state.isWon) won += amount;
      continue;
    }
    weighted += amount * (state.probability01 ?? stageDefaults.get(state.stage) ?? 0);
    if (state.category === 'Commit') commit += amount;
  }
  return { stageWeighted: won + weighted, commitPlusClosed: won + commit };
}
