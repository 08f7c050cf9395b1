import { describe, expect, it } from 'vitest';
import { computeCalibration } from './accuracy-calibration.js';

describe('computeCalibration', () => {
  it('gives the Brier score and the reliability table by tenths', () => {
    const c = computeCalibration([
      { probability: 0.05, won: false },
      { probability: 0.15, won: true },
      { probability: 0.95, won: true },
      { probability: 0.9, won: false },
    ]);
    // (0.0025 + 0.7225 + 0.0025 + 0.81) / 4
    expect(c.brier).toBeCloseTo(0.384375, 12);
    expect(c.reliability[0]).toMatchObject({ deals: 1, meanPredicted: 0.05, observedRate: 0 });
    expect(c.reliability[1]).toMatchObject({ deals: 1, meanPredicted: 0.15, observedRate: 1 });
    expect(c.reliability[9]).toMatchObject({ deals: 2, observedRate: 0.5 });
    expect(c.reliability[9]?.meanPredicted).toBeCloseTo(0.925, 12);
    expect(c.reliability[5]).toMatchObject({ deals: 0, meanPredicted: null, observedRate: null });
  });

  it('puts a certain prediction in the last bin and has no score without deals', () => {
    expect(computeCalibration([{ probability: 1, won: true }]).reliability[9]?.deals).toBe(1);
    expect(computeCalibration([]).brier).toBeNull();
  });
});
