import { describe, expect, it } from 'vitest';
import { computeDealSimulationArrays } from './deal-simulation-arrays.js';
import type { DealForecast } from './point-forecast.js';

function deal(probability: number, bookedMinor: number): DealForecast {
  return {
    id: `d-${probability}-${bookedMinor}`,
    ownerId: null,
    stage: 'Proposal',
    closeDate: '2023-09-30',
    amountMinor: bookedMinor,
    amountImputed: false,
    pushCount: 0,
    daysInStage: 0,
    ageDays: 0,
    winProbability: probability,
    inPeriodProbability: 1,
    probability,
    expectedMinor: probability * bookedMinor,
    bookedMinor,
  };
}

describe('computeDealSimulationArrays', () => {
  it('lays out probabilities and booked amounts in deal order, and sums the certain deals', () => {
    const arrays = computeDealSimulationArrays([deal(1, 500), deal(0.25, 1_000.5), deal(0, 70), deal(1, 30)]);
    expect([...arrays.probabilities]).toEqual([1, 0.25, 0, 1]);
    expect([...arrays.amounts]).toEqual([500, 1_000.5, 70, 30]);
    expect(arrays.certainMinor).toBe(530);
  });

  it('gives empty arrays and no certain sum for no deals', () => {
    const arrays = computeDealSimulationArrays([]);
    expect(arrays.probabilities.length).toBe(0);
    expect(arrays.certainMinor).toBe(0);
  });
});
