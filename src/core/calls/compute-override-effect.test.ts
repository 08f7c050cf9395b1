import { describe, expect, it } from 'vitest';
import { computeCommitHitRate } from './compute-commit-hit-rate.js';
import { computeOverrideEffect } from './compute-override-effect.js';

describe('computeOverrideEffect', () => {
  it('counts weeks where the manager moved the number closer to or further from the actual', () => {
    const effect = computeOverrideEffect([
      // Reports 800, manager 950, actual 1000: accuracy 0.8 → 0.95, gain +0.15.
      { period: 'P', week: 1, reportsSumMinor: 80_000n, managerMinor: 95_000n, actualMinor: 100_000n },
      // Reports 1000, manager 1100: 1.0 → 0.9, gain −0.1.
      { period: 'P', week: 2, reportsSumMinor: 100_000n, managerMinor: 110_000n, actualMinor: 100_000n },
      // Same figure: unchanged.
      { period: 'P', week: 3, reportsSumMinor: 90_000n, managerMinor: 90_000n, actualMinor: 100_000n },
      // Nothing closed: not scored.
      { period: 'Q', week: 1, reportsSumMinor: 10n, managerMinor: 20n, actualMinor: 0n },
    ]);
    expect(effect).toMatchObject({ weeks: 3, better: 1, worse: 1, unchanged: 1 });
    expect(effect.meanAccuracyGain01).toBeCloseTo((0.15 - 0.1 + 0) / 3, 12);
  });
});

describe('computeCommitHitRate', () => {
  it('counts Commit deals that closed by number and by amount', () => {
    const rate = computeCommitHitRate([
      { amountMinor: 10_000n, won: true },
      { amountMinor: 20_000n, won: true },
      { amountMinor: 70_000n, won: false },
    ]);
    expect(rate).toMatchObject({ deals: 3, won: 2, committedMinor: 100_000n, wonMinor: 30_000n });
    expect(rate.wonShare01).toBeCloseTo(2 / 3, 12);
    expect(rate.wonAmountShare01).toBeCloseTo(0.3, 12);
    expect(computeCommitHitRate([])).toMatchObject({ deals: 0, wonShare01: null, wonAmountShare01: null });
  });
});
