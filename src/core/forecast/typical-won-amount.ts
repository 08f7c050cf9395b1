import type { TrainingSnapshot } from './training-snapshot.js';

/**
 * The mean amount of the distinct deals won in the training periods, in minor units: what stands
 * in for an open deal that has no amount yet (many CRMs leave it blank until a quote). Null when
 * no won deal had an amount, and then such deals add nothing.
 */
export function computeTypicalWonAmount(snapshots: readonly TrainingSnapshot[]): number | null {
  const amounts = new Map<string, number>();
  for (const s of snapshots) {
    if (s.wonInPeriod && s.wonAmountMinor !== null) amounts.set(s.dealId, s.wonAmountMinor);
  }
  if (amounts.size === 0) return null;
  let sum = 0;
  for (const amount of amounts.values()) sum += amount;
  return sum / amounts.size;
}
