import type { EngagementSettings } from './engagement-records.js';

/** What scoring needs about one account, amounts in corporate minor units. */
export type AccountFacts = {
  accountId: string;
  name: string;
  /** Won value in each of the last four periods, oldest first (exactly four entries). */
  wonByPeriodMinor: readonly [bigint, bigint, bigint, bigint];
  openPipelineMinor: bigint;
  strategicTag: boolean;
};

export type AccountScore = {
  accountId: string;
  name: string;
  wonMinor: bigint;
  openPipelineMinor: bigint;
  /** In [-1, 1]; see computeAccountScores. */
  growth: number;
  strategicTag: boolean;
  /** 0–100, two decimals. */
  score: number;
  critical: boolean;
};

/** Weights of the score's terms; they add up to 1. */
export const scoreWeights = { won: 0.35, pipeline: 0.35, growth: 0.15, strategic: 0.15 } as const;

/**
 * Scores accounts for the executive programme and marks the critical subset.
 *
 * score = 100 × (0.35 · W / Wmax + 0.35 · P / Pmax + 0.15 · max(G, 0) + 0.15 · S), rounded to 2 decimals
 * - W: revenue won over the last four periods; Wmax the largest W among the accounts scored;
 * - P: open pipeline now; Pmax likewise;
 * - G: growth, (won in the last two periods − won in the two before) ÷ the larger of the two,
 *   so G ∈ [−1, 1]; 0 when both are zero; a shrinking account adds nothing rather than a penalty,
 *   since its pipeline term already says what is left;
 * - S: 1 when an administrator tagged the account strategic, else 0.
 * A term whose maximum is zero contributes zero (nobody won anything: revenue cannot rank).
 * Critical subset: with `top`, the topN highest scores (ties broken by name, so the set is
 * stable); with `threshold`, every account scoring minScore or more. Accounts scoring 0 are never
 * critical. Sorted by score, highest first.
 */
export function computeAccountScores(
  accounts: readonly AccountFacts[],
  settings: Pick<EngagementSettings, 'selection' | 'topN' | 'minScore'>,
): AccountScore[] {
  const won = accounts.map((a) => a.wonByPeriodMinor.reduce((s, v) => s + v, 0n));
  const wonMax = won.reduce((m, v) => (v > m ? v : m), 0n);
  const pipelineMax = accounts.reduce((m, a) => (a.openPipelineMinor > m ? a.openPipelineMinor : m), 0n);
  const scored = accounts.map((account, index) => {
    const [p1, p2, p3, p4] = account.wonByPeriodMinor;
    const earlier = p1 + p2;
    const later = p3 + p4;
    const larger = earlier > later ? earlier : later;
    const growth = larger === 0n ? 0 : Number(later - earlier) / Number(larger);
    const wonMinor = won[index] ?? 0n;
    const raw =
      scoreWeights.won * ratio(wonMinor, wonMax) +
      scoreWeights.pipeline * ratio(account.openPipelineMinor, pipelineMax) +
      scoreWeights.growth * Math.max(growth, 0) +
      scoreWeights.strategic * (account.strategicTag ? 1 : 0);
    return {
      accountId: account.accountId,
      name: account.name,
      wonMinor,
      openPipelineMinor: account.openPipelineMinor,
      growth,
      strategicTag: account.strategicTag,
      score: Math.round(raw * 10_000) / 100,
      critical: false,
    };
  });
  scored.sort(
    (a, b) => b.score - a.score || a.name.localeCompare(b.name) || a.accountId.localeCompare(b.accountId),
  );
  scored.forEach((s, index) => {
    s.critical =
      s.score > 0 && (settings.selection === 'top' ? index < settings.topN : s.score >= settings.minScore);
  });
  return scored;
}

function ratio(value: bigint, max: bigint): number {
  return max === 0n ? 0 : Number(value) / Number(max);
}
