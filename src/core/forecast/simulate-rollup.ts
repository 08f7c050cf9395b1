import { simulateOpenDeals, type OpenDealsSimulation } from './simulate-open-deals.js';
import { computeTrialQuantiles } from './trial-quantiles.js';

export type RollupGroup = { id: string; ownerSlots: readonly number[] };
export type RollupRange = {
  id: string;
  expectedMinor: number;
  p10Minor: number;
  p50Minor: number;
  p90Minor: number;
};
export type RollupPhase = 'simulation' | 'roll-up' | 'quantiles';

/**
 * Ranges for many groups of owners (every team of a hierarchy, every rep) from one simulation:
 * the open deals are simulated once per trial with their owner slots (simulateOpenDeals, with
 * its shared shock), and a group's outcome in a trial is the sum of its owners' slots in that
 * trial. Teams thus share draws, so a parent's range is consistent with its children's (the same
 * good quarter lifts them all). expected = Σ p_i·a_i over the group's deals.
 * Cost: deals × trials for the simulation, plus Σ group sizes × trials for the sums.
 * `onPhaseEnd` is called as each step ends, so the benchmark can time them.
 */
export function simulateRollup(
  input: OpenDealsSimulation & {
    groups: readonly RollupGroup[];
    onPhaseEnd?: (phase: RollupPhase) => void;
  },
): RollupRange[] {
  const totals = simulateOpenDeals(input);
  input.onPhaseEnd?.('simulation');
  const { probabilities, amounts, ownerSlots, trials } = input;
  const expectedBySlot = new Float64Array(input.owners);
  for (let i = 0; i < probabilities.length; i += 1) {
    const slot = ownerSlots[i] as number;
    expectedBySlot[slot] =
      (expectedBySlot[slot] as number) + (probabilities[i] as number) * (amounts[i] as number);
  }
  const summed = input.groups.map((group) => {
    const sums = new Float64Array(trials);
    let expected = 0;
    for (const slot of group.ownerSlots) {
      expected += expectedBySlot[slot] ?? 0;
      const offset = slot * trials;
      for (let t = 0; t < trials; t += 1) sums[t] = (sums[t] as number) + (totals[offset + t] as number);
    }
    return { id: group.id, expected, sums };
  });
  input.onPhaseEnd?.('roll-up');
  const ranges = summed.map(({ id, expected, sums }) => {
    const q = computeTrialQuantiles(sums);
    return { id, expectedMinor: expected, p10Minor: q.p10, p50Minor: q.p50, p90Minor: q.p90 };
  });
  input.onPhaseEnd?.('quantiles');
  return ranges;
}
