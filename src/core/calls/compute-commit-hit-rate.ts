import type { MinorUnits } from '../money.js';

export type CommitDeal = { amountMinor: MinorUnits; won: boolean };

export type CommitHitRate = {
  deals: number;
  won: number;
  /** won / deals; null without deals. */
  wonShare01: number | null;
  committedMinor: MinorUnits;
  wonMinor: MinorUnits;
  /** wonMinor / committedMinor; null when nothing was committed. */
  wonAmountShare01: number | null;
};

/**
 * How often a person's Commit deals really closed. The deals are those that stood in Commit, with
 * a close date inside the period, at any weekly due time of the period; `won` says whether each
 * was won with a close date inside the period, as known now. Counted by deals and by amount (the
 * amount as it stood when last seen in Commit), because a rep who lands the small commits and
 * slips the big one has a high count share and a low amount share.
 */
export function computeCommitHitRate(deals: readonly CommitDeal[]): CommitHitRate {
  let won = 0;
  let committedMinor = 0n;
  let wonMinor = 0n;
  for (const deal of deals) {
    committedMinor += deal.amountMinor;
    if (!deal.won) continue;
    won += 1;
    wonMinor += deal.amountMinor;
  }
  return {
    deals: deals.length,
    won,
    wonShare01: deals.length === 0 ? null : won / deals.length,
    committedMinor,
    wonMinor,
    wonAmountShare01: committedMinor === 0n ? null : Number(wonMinor) / Number(committedMinor),
  };
}
