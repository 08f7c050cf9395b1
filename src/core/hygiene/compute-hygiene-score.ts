import type { HygieneFlag } from './hygiene-flag.js';
import { severityWeights } from './hygiene-rule-id.js';

/** An open deal as the score sees it: its value in the corporate currency (null when unknown). */
export type ScoredDeal = { id: string; ownerId: string | null; corporateAmountMinor: bigint | null };

export type HygieneScore = {
  /** 0–100, one decimal; null when there is no open deal to score. */
  score: number | null;
  openDeals: number;
  flaggedDeals: number;
  /** Σ v, in corporate minor units (stand-ins included). */
  openValueMinor: bigint;
  /** Σ v·w, in corporate minor units. */
  flaggedValueMinor: bigint;
};

/**
 * The hygiene score of a set of open deals: the share of open pipeline value free of flags,
 * weighted by severity.
 *
 *   score = 100 × (1 − Σ_d v_d·w_d / Σ_d v_d)
 *
 * - v_d: the deal's amount in the corporate currency. A deal without a usable amount (missing,
 *   zero, or in a currency without a rate) would weigh nothing and so hide its own flags; it counts
 *   at the stand-in value instead: the median amount of the deals given that have one (the lower
 *   middle value for an even count), or 1 when none has.
 * - w_d: the weight of the deal's most severe flag (high 1, medium 0.5, low 0.25; see
 *   severityWeights), 0 without flags. Several flags on one deal do not add up: a deal cannot be
 *   more than entirely unclean.
 * Edge cases: no open deals → score null; every deal clean → 100; all high-flagged → 0.
 */
export function computeHygieneScore(
  deals: readonly ScoredDeal[],
  flagsByDeal: ReadonlyMap<string, readonly HygieneFlag[]>,
  standInMinor: bigint = computeStandInValue(deals),
): HygieneScore {
  // Weights as integers out of 100 so that sums stay exact in bigint.
  let total = 0n;
  let flagged = 0n;
  let flaggedDeals = 0;
  for (const deal of deals) {
    const value =
      deal.corporateAmountMinor !== null && deal.corporateAmountMinor > 0n
        ? deal.corporateAmountMinor
        : standInMinor;
    const weight = maxWeight(flagsByDeal.get(deal.id) ?? []);
    total += value * 100n;
    flagged += value * BigInt(Math.round(weight * 100));
    if (weight > 0) flaggedDeals += 1;
  }
  const score =
    total === 0n ? null : Math.round((1 - Number((flagged * 1_000_000n) / total) / 1_000_000) * 1000) / 10;
  return {
    score,
    openDeals: deals.length,
    flaggedDeals,
    openValueMinor: total / 100n,
    flaggedValueMinor: flagged / 100n,
  };
}

/** The median positive amount (lower middle for an even count), or 1 when no deal has one. */
export function computeStandInValue(deals: readonly ScoredDeal[]): bigint {
  const values = deals
    .map((d) => d.corporateAmountMinor)
    .filter((v): v is bigint => v !== null && v > 0n)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (values.length === 0) return 1n;
  return values[Math.floor((values.length - 1) / 2)] ?? 1n;
}

export function maxWeight(flags: readonly Pick<HygieneFlag, 'severity'>[]): number {
  return flags.reduce((max, flag) => Math.max(max, severityWeights[flag.severity]), 0);
}

/** Flags grouped by deal id. */
export function groupFlagsByDeal(flags: readonly HygieneFlag[]): Map<string, HygieneFlag[]> {
  const byDeal = new Map<string, HygieneFlag[]>();
  for (const flag of flags) {
    const list = byDeal.get(flag.dealId);
    if (list) list.push(flag);
    else byDeal.set(flag.dealId, [flag]);
  }
  return byDeal;
}
