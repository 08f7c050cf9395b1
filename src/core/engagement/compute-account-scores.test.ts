import { describe, expect, it } from 'vitest';
import { computeAccountScores, type AccountFacts } from './compute-account-scores.js';

/**
 * By hand, Wmax = 1,000 (A), Pmax = 2,000 (B):
 * A: W 1,000 (100+100+300+500; G = (800−200)/800 = 0.75), P 500, tagged:
 *    100 × (0.35·1 + 0.35·0.25 + 0.15·0.75 + 0.15) = 100 × 0.7 = 70.00
 * B: W 400 (400+0+0+0; G = −1 → 0), P 2,000: 100 × (0.35·0.4 + 0.35·1) = 49.00
 * C: W 0, P 0, tagged: 100 × 0.15 = 15.00
 * D: nothing: 0, never critical.
 */
const accounts: AccountFacts[] = [
  {
    accountId: 'b',
    name: 'Bravo',
    wonByPeriodMinor: [40_000n, 0n, 0n, 0n],
    openPipelineMinor: 200_000n,
    strategicTag: false,
  },
  {
    accountId: 'a',
    name: 'Alpha',
    wonByPeriodMinor: [10_000n, 10_000n, 30_000n, 50_000n],
    openPipelineMinor: 50_000n,
    strategicTag: true,
  },
  {
    accountId: 'c',
    name: 'Charlie',
    wonByPeriodMinor: [0n, 0n, 0n, 0n],
    openPipelineMinor: 0n,
    strategicTag: true,
  },
  {
    accountId: 'd',
    name: 'Delta',
    wonByPeriodMinor: [0n, 0n, 0n, 0n],
    openPipelineMinor: 0n,
    strategicTag: false,
  },
];

describe('computeAccountScores', () => {
  it('scores by the documented formula, highest first', () => {
    const scores = computeAccountScores(accounts, { selection: 'top', topN: 2, minScore: 50 });
    expect(scores.map((s) => [s.accountId, s.score, s.growth])).toEqual([
      ['a', 70, 0.75],
      ['b', 49, -1],
      ['c', 15, 0],
      ['d', 0, 0],
    ]);
    expect(scores.filter((s) => s.critical).map((s) => s.accountId)).toEqual(['a', 'b']);
  });

  it('takes everything at or above the threshold, never a zero score', () => {
    const byThreshold = computeAccountScores(accounts, { selection: 'threshold', topN: 1, minScore: 49 });
    expect(byThreshold.filter((s) => s.critical).map((s) => s.accountId)).toEqual(['a', 'b']);
    const everyone = computeAccountScores(accounts, { selection: 'threshold', topN: 1, minScore: 0 });
    expect(everyone.filter((s) => s.critical).map((s) => s.accountId)).toEqual(['a', 'b', 'c']);
  });
});
