import type { MinorUnits } from '../money.js';
import { computeCallAccuracy } from './compute-call-accuracy.js';

/** One frozen week of a manager: their call, the sum of their direct reports' calls, the actual. */
export type OverrideWeek = {
  period: string;
  week: number;
  managerMinor: MinorUnits;
  reportsSumMinor: MinorUnits;
  actualMinor: MinorUnits;
};

export type OverrideEffect = {
  /** Weeks that could be scored (something closed). */
  weeks: number;
  /** Weeks where the manager's call was closer to the actual than the sum of the reports' calls. */
  better: number;
  worse: number;
  unchanged: number;
  /**
   * Mean of accuracy(manager) − accuracy(sum of reports) = (|S − A| − |M − A|) / A over the weeks:
   * positive when the manager's judgement made the number better.
   */
  meanAccuracyGain01: number | null;
};

/**
 * Whether a manager's overrides made the number better or worse: each week the manager's own call
 * is compared with the sum of the calls of the people who report to them (direct reps and the
 * managers of child teams), both against what finally closed in the manager's scope.
 */
export function computeOverrideEffect(weeks: readonly OverrideWeek[]): OverrideEffect {
  let better = 0;
  let worse = 0;
  let unchanged = 0;
  const gains: number[] = [];
  for (const week of weeks) {
    const manager = computeCallAccuracy(week.actualMinor, week.managerMinor);
    const reports = computeCallAccuracy(week.actualMinor, week.reportsSumMinor);
    if (manager === null || reports === null) continue;
    const gain = manager - reports;
    gains.push(gain);
    if (gain > 1e-12) better += 1;
    else if (gain < -1e-12) worse += 1;
    else unchanged += 1;
  }
  return {
    weeks: gains.length,
    better,
    worse,
    unchanged,
    meanAccuracyGain01: gains.length === 0 ? null : gains.reduce((s, g) => s + g, 0) / gains.length,
  };
}
