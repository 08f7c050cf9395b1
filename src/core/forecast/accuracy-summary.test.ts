import { describe, expect, it } from 'vitest';
import { computeAccuracySummary, computePinballLoss } from './accuracy-summary.js';

describe('computeAccuracySummary', () => {
  const forecasts = [
    { period: 'A', week: 1, forecast: 90, p10: 80, p50: 90, p90: 110, actual: 100 },
    { period: 'B', week: 1, forecast: 120, p10: 100, p50: 110, p90: 115, actual: 100 },
    { period: 'C', week: 2, forecast: 100, p10: 150, p50: 190, p90: 195, actual: 200 },
  ];

  it('scores WAPE, bias, APE by week and the shares within ±5 % and ±10 %', () => {
    const s = computeAccuracySummary(forecasts);
    // |−10| + |20| + |−100| = 130 over Σa = 400; signed −90 over 400.
    expect(s.wape).toBeCloseTo(0.325, 12);
    expect(s.bias).toBeCloseTo(-0.225, 12);
    // APEs 0.1, 0.2, 0.5: none within 5 %, the first exactly at 10 %.
    expect(s.within5).toBe(0);
    expect(s.within10).toBeCloseTo(1 / 3, 12);
    expect(s.apeByWeek).toEqual([
      { week: 1, ape: expect.closeTo(0.15, 12) as number, forecasts: 2 },
      { week: 2, ape: 0.5, forecasts: 1 },
    ]);
  });

  it('scores coverage and the pinball loss of the range', () => {
    const s = computeAccuracySummary(forecasts);
    // 100 ∈ [80, 110], 100 ∈ [100, 115], 200 ∉ [150, 195].
    expect(s.coverage).toBeCloseTo(2 / 3, 12);
    // Losses per forecast (q = .1, .5, .9): (2 + 5 + 1)/3, (0 + 5 + 1.5)/3, (5 + 5 + 4.5)/3;
    // mean 29/9 over a mean actual of 400/3 = 87/3600.
    expect(s.pinball).toBeCloseTo(87 / 3600, 12);
  });

  it('leaves range metrics out for point forecasts and ratios out without actuals', () => {
    const point = computeAccuracySummary([
      { period: 'A', week: 1, forecast: 5, p10: null, p50: null, p90: null, actual: 0 },
    ]);
    expect(point).toMatchObject({
      wape: null,
      bias: null,
      within5: null,
      coverage: null,
      pinball: null,
      apeByWeek: [],
    });
    expect(computeAccuracySummary([]).forecasts).toBe(0);
  });

  it('computes the pinball loss on both sides of the quantile', () => {
    expect(computePinballLoss(100, 80, 0.9)).toBeCloseTo(18, 12);
    expect(computePinballLoss(80, 100, 0.9)).toBeCloseTo(2, 12);
  });
});
