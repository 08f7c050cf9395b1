import { describe, expect, it } from 'vitest';
import { computeSpearman, rankWithTies } from './spearman.js';

describe('computeSpearman', () => {
  it('is 1 for any increasing relation and -1 for a decreasing one', () => {
    expect(
      computeSpearman([
        [1, 1],
        [2, 4],
        [3, 9],
        [10, 1000],
      ]),
    ).toBeCloseTo(1, 12);
    expect(
      computeSpearman([
        [1, 5],
        [2, 3],
        [3, 1],
      ]),
    ).toBeCloseTo(-1, 12);
  });

  it('matches a hand-worked example with ties', () => {
    // x ranks: 10→1, 20→2.5, 20→2.5, 40→4; y ranks: 1→1, 3→3, 2→2, 4→4.
    // mean 2.5; dx = -1.5, 0, 0, 1.5; dy = -1.5, 0.5, -0.5, 1.5
    // cov = 2.25 + 0 + 0 + 2.25 = 4.5; var x = 4.5; var y = 2.25+0.25+0.25+2.25 = 5
    // ρ = 4.5 / sqrt(4.5 · 5) = 0.9486832980505138
    expect(rankWithTies([10, 20, 20, 40])).toEqual([1, 2.5, 2.5, 4]);
    expect(
      computeSpearman([
        [10, 1],
        [20, 3],
        [20, 2],
        [40, 4],
      ]),
    ).toBeCloseTo(0.9486832980505138, 12);
  });

  it('has no value for fewer than three pairs or a constant side', () => {
    expect(
      computeSpearman([
        [1, 2],
        [2, 3],
      ]),
    ).toBeNull();
    expect(
      computeSpearman([
        [1, 2],
        [1, 3],
        [1, 4],
      ]),
    ).toBeNull();
  });
});
