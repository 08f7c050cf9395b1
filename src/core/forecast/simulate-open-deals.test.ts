import { describe, expect, it } from 'vitest';
import { exactDealTrials, simulateOpenDeals } from './simulate-open-deals.js';

function pipeline(deals: number, probability: (i: number) => number) {
  return {
    probabilities: Float64Array.from({ length: deals }, (_, i) => probability(i)),
    amounts: Float64Array.from({ length: deals }, (_, i) => 100 + (i % 7)),
    ownerSlots: Int32Array.from({ length: deals }, (_, i) => i % 2),
    owners: 2,
    shockSd: 0.3,
    seed: 5,
  };
}

describe('simulateOpenDeals', () => {
  it('draws deal by deal on small pipelines: certain deals always win, impossible ones never', () => {
    const totals = simulateOpenDeals({ ...pipeline(4, (i) => (i < 2 ? 1 : 0)), trials: 10 });
    // Slot 0 holds deals 0 (100, certain) and 2 (102, impossible); slot 1 deals 1 (101) and 3 (103).
    expect([...totals.slice(0, 10)]).toEqual(Array(10).fill(100));
    expect([...totals.slice(10)]).toEqual(Array(10).fill(101));
  });

  it('uses the shock grid on large pipelines, keeping certain sums exact and the mean', () => {
    const deals = 20_000;
    const trials = Math.ceil(exactDealTrials / deals) + 64;
    const certain = simulateOpenDeals({ ...pipeline(deals, () => 1), trials });
    const slot0 = Array.from({ length: deals / 2 }, (_, j) => 100 + ((2 * j) % 7)).reduce((a, b) => a + b, 0);
    expect(certain[0]).toBe(slot0);
    expect(certain[trials - 1]).toBe(slot0);
    const half = simulateOpenDeals({ ...pipeline(deals, () => 0.5), trials, shockSd: 0 });
    const mean = half.slice(0, trials).reduce((a, b) => a + b, 0) / trials;
    // Expected 0.5 × slot0; the sd of one trial is about 0.5 × 103 × √10,000 ≈ 5,150.
    expect(Math.abs(mean - slot0 / 2)).toBeLessThan(2_000);
  });

  it('keeps its seeded figures: the same seed gives the same totals, on both methods', () => {
    // Pinned from the closure-based draw loop and the unhoisted grid loop, before the fast kernels.
    const owners = 40;
    const trials = 1000;
    const withDeals = (deals: number) => ({
      probabilities: Float64Array.from({ length: deals }, (_, i) => (i % 97) / 97),
      amounts: Float64Array.from({ length: deals }, (_, i) => 1000 + i),
      ownerSlots: Int32Array.from({ length: deals }, (_, i) => i % owners),
      owners,
      trials,
      shockSd: 0.3,
      seed: 3,
    });
    const exact = simulateOpenDeals(withDeals(4000));
    expect([exact[5], exact[trials * 39 + 999]]).toEqual([142_680, 145_029]);
    const grid = simulateOpenDeals(withDeals(100_000));
    expect([grid[5], grid[trials * 39 + 999]]).toEqual([53_106_435.143301375, 72_101_807.8155737]);
  });
});
