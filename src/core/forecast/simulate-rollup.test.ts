import { describe, expect, it } from 'vitest';
import { simulateRollup } from './simulate-rollup.js';

describe('simulateRollup', () => {
  it('gives each group the sum of its owners, certain deals exactly', () => {
    const ranges = simulateRollup({
      probabilities: Float64Array.from([1, 1, 0, 1]),
      amounts: Float64Array.from([100, 50, 999, 7]),
      ownerSlots: Int32Array.from([0, 1, 1, 2]),
      owners: 3,
      trials: 20,
      shockSd: 0.5,
      seed: 1,
      groups: [
        { id: 'ana', ownerSlots: [0] },
        { id: 'east', ownerSlots: [0, 1] },
        { id: 'all', ownerSlots: [0, 1, 2] },
      ],
    });
    expect(ranges).toEqual([
      { id: 'ana', expectedMinor: 100, p10Minor: 100, p50Minor: 100, p90Minor: 100 },
      { id: 'east', expectedMinor: 150, p10Minor: 150, p50Minor: 150, p90Minor: 150 },
      { id: 'all', expectedMinor: 157, p10Minor: 157, p50Minor: 157, p90Minor: 157 },
    ]);
  });

  it('keeps a team at least as high as any of its members in every quantile', () => {
    const ranges = simulateRollup({
      probabilities: Float64Array.from([0.3, 0.6, 0.5, 0.2]),
      amounts: Float64Array.from([100, 200, 300, 400]),
      ownerSlots: Int32Array.from([0, 0, 1, 1]),
      owners: 2,
      trials: 500,
      shockSd: 0.3,
      seed: 9,
      groups: [
        { id: 'a', ownerSlots: [0] },
        { id: 'team', ownerSlots: [0, 1] },
      ],
    });
    expect(ranges[0]?.expectedMinor).toBeCloseTo(30 + 120, 9);
    expect(ranges[1]?.expectedMinor).toBeCloseTo(150 + 150 + 80, 9);
    expect(ranges[1]?.p90Minor).toBeGreaterThanOrEqual(ranges[0]?.p90Minor ?? Infinity);
  });

  it('reports its steps in order as they end', () => {
    const phases: string[] = [];
    simulateRollup({
      probabilities: Float64Array.from([0.5]),
      amounts: Float64Array.from([10]),
      ownerSlots: Int32Array.from([0]),
      owners: 1,
      trials: 5,
      shockSd: 0,
      seed: 1,
      groups: [{ id: 'a', ownerSlots: [0] }],
      onPhaseEnd: (phase) => phases.push(phase),
    });
    expect(phases).toEqual(['simulation', 'roll-up', 'quantiles']);
  });
});
