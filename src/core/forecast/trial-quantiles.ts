/**
 * P10, P50 and P90 of simulated totals: the value at rank ⌈q·n⌉ of the sorted trials (the
 * nearest-rank definition, so each quantile is one of the simulated outcomes and P10 ≤ P50 ≤ P90
 * holds by construction). Edge case: no trials gives zeros.
 */
export function computeTrialQuantiles(totals: Float64Array): { p10: number; p50: number; p90: number } {
  if (totals.length === 0) return { p10: 0, p50: 0, p90: 0 };
  const sorted = Float64Array.from(totals).sort();
  const at = (q: number) =>
    sorted[Math.min(Math.max(Math.ceil(q * sorted.length) - 1, 0), sorted.length - 1)] as number;
  return { p10: at(0.1), p50: at(0.5), p90: at(0.9) };
}
