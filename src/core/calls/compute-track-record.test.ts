import { describe, expect, it } from 'vitest';
import { computeCallAccuracy, computeSignedError } from './compute-call-accuracy.js';
import { computePeriodBias, computeTrackRecord, type ScoredPeriod } from './compute-track-record.js';

describe('computeCallAccuracy', () => {
  it('is 1 − |actual − call| / actual, below zero past a 100 % miss, null when nothing closed', () => {
    expect(computeCallAccuracy(100_000n, 80_000n)).toBeCloseTo(0.8, 12);
    expect(computeCallAccuracy(100_000n, 120_000n)).toBeCloseTo(0.8, 12);
    expect(computeCallAccuracy(100_000n, 250_000n)).toBeCloseTo(-0.5, 12);
    expect(computeCallAccuracy(0n, 5n)).toBeNull();
    expect(computeSignedError(100_000n, 80_000n)).toBeCloseTo(-0.2, 12);
  });
});

// P1: closed 1,000.00; week 1 called 800.00 (accuracy 0.8, error −0.2), week 2 1,100.00 (0.9, +0.1).
// P2: closed 2,000.00; week 1 called 1,500.00 (0.75, −0.25). P3: nothing closed, not scored.
const periods: ScoredPeriod[] = [
  {
    period: '2026-Q1',
    actualMinor: 100_000n,
    calls: [
      { week: 1, commitMinor: 80_000n },
      { week: 2, commitMinor: 110_000n },
    ],
  },
  { period: '2026-Q2', actualMinor: 200_000n, calls: [{ week: 1, commitMinor: 150_000n }] },
  { period: '2026-Q3', actualMinor: 0n, calls: [{ week: 1, commitMinor: 50_000n }] },
];

describe('computeTrackRecord', () => {
  it('averages accuracy by week of the period over scored periods', () => {
    const record = computeTrackRecord(periods, []);
    expect(record.periods).toBe(2);
    expect(record.accuracyByWeek.map((w) => [w.week, w.calls])).toEqual([
      [1, 2],
      [2, 1],
    ]);
    expect(record.accuracyByWeek[0]?.accuracy01).toBeCloseTo(0.775, 12);
    expect(record.accuracyByWeek[1]?.accuracy01).toBeCloseTo(0.9, 12);
    expect(record.meanAccuracy01).toBeCloseTo((0.8 + 0.9 + 0.75) / 3, 12);
  });

  it('shrinks two periods of bias half way toward the team', () => {
    expect(computePeriodBias(periods[0] as ScoredPeriod)).toBeCloseTo(-0.05, 12);
    // Own bias (−0.05 − 0.25) / 2 = −0.15; team mean (−0.05 − 0.25 + 0.15 + 0.35) / 4 = 0.05;
    // w = 2/4: 0.5 × −0.15 + 0.5 × 0.05 = −0.05.
    const record = computeTrackRecord(periods, [-0.05, -0.25, 0.15, 0.35]);
    expect(record.rawBias01).toBeCloseTo(-0.15, 12);
    expect(record.teamBias01).toBeCloseTo(0.05, 12);
    expect(record.ownWeight01).toBe(0.5);
    expect(record.bias01).toBeCloseTo(-0.05, 12);
  });

  it('uses the own bias alone from four periods on', () => {
    const four: ScoredPeriod[] = [1, 2, 3, 4].map((i) => ({
      period: `2025-Q${i}`,
      actualMinor: 100_000n,
      calls: [{ week: 1, commitMinor: 90_000n }],
    }));
    const record = computeTrackRecord(four, [0.5]);
    expect(record.ownWeight01).toBe(1);
    expect(record.bias01).toBeCloseTo(-0.1, 12);
  });

  it('has no bias without a scored period', () => {
    expect(computeTrackRecord([periods[2] as ScoredPeriod], [0.2])).toMatchObject({
      periods: 0,
      bias01: null,
      meanAccuracy01: null,
      ownWeight01: 0,
    });
  });
});
