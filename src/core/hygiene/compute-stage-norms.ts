import type { StageNorm } from './hygiene-rule.js';

/** Completed stays in one stage known at T, as the store summarises them. */
export type StageStaySummary = {
  stage: string;
  /** How many completed stays (entered, then left for another stage) ended by T. */
  samples: number;
  /** The configured percentile of their lengths in days (continuous, see below), null without samples. */
  percentileDays: number | null;
  medianDays: number | null;
};

/**
 * The usual time in each stage: the p-th percentile of completed stays, computed as PostgreSQL's
 * `percentile_cont` does (linear interpolation between the two nearest ranks, the same as the
 * default of NumPy's `percentile`, Hyndman & Fan type 7), rounded up to whole days. A stay counts
 * once it has ended by T; stays still running at T are left out, which makes the figure lean a
 * little short for slow stages (a deliberate bias towards flagging).
 *
 * Fallback: a stage with fewer than `minSamples` completed stays has too little history for a
 * percentile to mean anything; its limit is the admin's `fallbackDays`.
 */
export function computeStageNorms(
  summaries: readonly StageStaySummary[],
  thresholds: { minSamples: number; fallbackDays: number },
): Map<string, StageNorm> {
  const norms = new Map<string, StageNorm>();
  for (const summary of summaries) {
    const enough = summary.samples >= thresholds.minSamples && summary.percentileDays !== null;
    norms.set(summary.stage, {
      limitDays: enough ? Math.max(1, Math.ceil(summary.percentileDays ?? 0)) : thresholds.fallbackDays,
      basis: enough ? 'history' : 'fallback',
      samples: summary.samples,
      medianDays: summary.medianDays,
    });
  }
  return norms;
}
