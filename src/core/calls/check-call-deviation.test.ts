import { describe, expect, it } from 'vitest';
import { checkCallDeviation } from './check-call-deviation.js';

const rollup = { commitMinor: 100_000n, bestCaseMinor: 150_000n };

describe('checkCallDeviation', () => {
  it('accepts a call exactly 10 % off and flags one a cent beyond', () => {
    const at = checkCallDeviation({ commitMinor: 110_000n, bestCaseMinor: 135_000n }, rollup, 0.1);
    expect(at).toEqual({ commitShare01: 0.1, bestCaseShare01: 0.1, beyond: [] });
    const past = checkCallDeviation({ commitMinor: 89_999n, bestCaseMinor: 150_000n }, rollup, 0.1);
    expect(past.beyond).toEqual(['commit']);
    expect(past.commitShare01).toBeCloseTo(0.10001, 6);
  });

  it('flags the best case on its own', () => {
    const result = checkCallDeviation({ commitMinor: 100_000n, bestCaseMinor: 200_000n }, rollup, 0.1);
    expect(result.beyond).toEqual(['best case']);
    expect(result.bestCaseShare01).toBeCloseTo(1 / 3, 12);
  });

  it('flags any non-zero call against an empty roll-up, and accepts zero', () => {
    const empty = { commitMinor: 0n, bestCaseMinor: 0n };
    expect(checkCallDeviation({ commitMinor: 1n, bestCaseMinor: 1n }, empty, 0.1)).toEqual({
      commitShare01: null,
      bestCaseShare01: null,
      beyond: ['commit', 'best case'],
    });
    expect(checkCallDeviation(empty, empty, 0.1).beyond).toEqual([]);
  });
});
