import type { MinorUnits } from '../money.js';
import { computeOverrideEffect, type OverrideEffect } from './compute-override-effect.js';
import { computeTrackRecord, type TrackRecord } from './compute-track-record.js';

type WeeklyCommit = { week: number; commitMinor: MinorUnits };

/** One closed period of one team: what closed in the team and below it, and both numbers by week. */
export type TeamPeriod = {
  period: string;
  actualMinor: MinorUnits;
  /** The team's call: its leader's frozen commit of each week. */
  teamCalls: readonly WeeklyCommit[];
  /**
   * The roll-up of its members' calls (reps of the team and leaders of its child teams): their sum
   * for each week in which every member called.
   */
  memberSums: readonly WeeklyCommit[];
};

export type TeamTrackRecord = {
  /** The team's call (its leader's) against the team's actual. */
  call: TrackRecord;
  /** The sum of the members' calls against the same actual. */
  rollup: TrackRecord;
  /** Week by week, whether the team's call was closer to the actual than the members' sum. */
  judgement: OverrideEffect;
};

/**
 * A team's track record: the team's own number (the call its leader made for the whole team) and
 * the bottom-up number (the sum of its members' calls), each scored against what the team closed:
 *
 *   accuracy = 1 − |actual − call| / actual,   bias = mean of (call − actual) / actual
 *
 * (computeTrackRecord, unshrunk: a team is its own reference). `judgement` compares the two in the
 * weeks where both exist, so the page can say whether the leader's judgement beats the sum.
 */
export function computeTeamTrackRecord(periods: readonly TeamPeriod[]): TeamTrackRecord {
  const call = computeTrackRecord(
    periods.map((p) => ({ period: p.period, actualMinor: p.actualMinor, calls: p.teamCalls })),
    [],
  );
  const rollup = computeTrackRecord(
    periods.map((p) => ({ period: p.period, actualMinor: p.actualMinor, calls: p.memberSums })),
    [],
  );
  const weeks = periods.flatMap((p) => {
    const sums = new Map(p.memberSums.map((s) => [s.week, s.commitMinor]));
    return p.teamCalls.flatMap((c) => {
      const sum = sums.get(c.week);
      return sum === undefined
        ? []
        : [
            {
              period: p.period,
              week: c.week,
              managerMinor: c.commitMinor,
              reportsSumMinor: sum,
              actualMinor: p.actualMinor,
            },
          ];
    });
  });
  return { call, rollup, judgement: computeOverrideEffect(weeks) };
}
