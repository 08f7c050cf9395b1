export const indicatorStatuses = ['on-track', 'at-risk', 'off-track', 'no-target'] as const;
export type IndicatorStatus = (typeof indicatorStatuses)[number];

/** At or above this share of what is expected by now, an indicator is on track. */
export const onTrackRatio = 1;
/** At or above this share (and below on track), it is at risk; below it, off track. */
export const atRiskRatio = 0.8;

/**
 * The status of an indicator from `actual / expected`, where `expected` is the target scaled to the
 * part of the period that has passed (for counts and amounts) or the target itself (for rates
 * such as win rate and coverage):
 * - on track: ratio ≥ 1 (at or ahead of what the target asks by now);
 * - at risk: 0.8 ≤ ratio < 1 (behind by at most a fifth);
 * - off track: ratio < 0.8;
 * - no target: nothing to measure against (no quota for a quota-based target, no target at all).
 * Nothing expected yet (the period has not started, or a target of 0) is on track. Lower-is-better
 * indicators are not given targets, so the rule has one direction.
 */
export function computeIndicatorStatus(actual: number | null, expected: number | null): IndicatorStatus {
  if (expected === null || actual === null) return 'no-target';
  if (expected <= 0) return 'on-track';
  const ratio = actual / expected;
  if (ratio >= onTrackRatio) return 'on-track';
  if (ratio >= atRiskRatio) return 'at-risk';
  return 'off-track';
}
