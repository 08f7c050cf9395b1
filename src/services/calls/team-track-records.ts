import type { AccessScope } from '../../core/access-scope.js';
import type { CallSubmission } from '../../core/calls/call-submission.js';
import { computeTeamTrackRecord, type TeamPeriod } from '../../core/calls/compute-team-track-record.js';
import type { TrackRecord } from '../../core/calls/compute-track-record.js';
import type { OverrideEffect } from '../../core/calls/compute-override-effect.js';
import { planCallGrid } from '../../core/calls/plan-call-grid.js';
import { scopeIncludesOwner } from '../../core/compute-access.js';
import { formatMinor } from '../../core/money.js';
import type { CallContext } from './call-context.js';

/** One closed period as the track records read it: wins by owner and each person's call by week. */
export type PeriodCalls = {
  period: string;
  wonByOwner: ReadonlyMap<string, bigint>;
  weekly: ReadonlyMap<string, ReadonlyMap<number, CallSubmission>>;
};

export type TeamRecordView = {
  teamId: string;
  teamName: string;
  leaderId: string;
  leaderName: string;
  /** Members whose calls make the roll-up: the team's reps and the leaders of its child teams. */
  members: number;
  call: TrackRecord;
  rollup: TrackRecord;
  judgement: OverrideEffect;
  byPeriod: { period: string; actual: string }[];
};

/**
 * Each team's own track record, for the teams with a leader whose whole subtree the caller reads:
 * the team's call (its leader's) and the sum of its members' calls, both scored against what the
 * team and the teams below it closed (computeTeamTrackRecord).
 */
export function listTeamTrackRecords(
  context: CallContext,
  options: { periods: readonly PeriodCalls[]; readScope: AccessScope; decimals: number },
): TeamRecordView[] {
  const views: TeamRecordView[] = [];
  for (const team of context.teams) {
    const [head, ...rows] = planCallGrid(context.teams, context.memberships, team.id);
    const leaderId = head?.userId ?? null;
    if (!head || leaderId === null) continue;
    if (![...head.ownerIds].every((o) => scopeIncludesOwner(options.readScope, o))) continue;
    const members = rows.map((r) => r.userId).filter((id): id is string => id !== null);
    const periods: TeamPeriod[] = options.periods.map(({ period, wonByOwner, weekly }) => {
      const actualMinor = [...wonByOwner]
        .filter(([owner]) => head.ownerIds.has(owner))
        .reduce((sum, [, minor]) => sum + minor, 0n);
      const teamCalls = [...(weekly.get(leaderId) ?? new Map<number, CallSubmission>()).values()].map(
        (c) => ({
          week: c.week,
          commitMinor: c.commitMinor,
        }),
      );
      const memberSums =
        members.length === 0
          ? []
          : teamCalls.flatMap(({ week }) => {
              const calls = members.map((m) => weekly.get(m)?.get(week));
              if (calls.some((c) => c === undefined)) return [];
              return [
                { week, commitMinor: calls.reduce((s, c) => s + (c as CallSubmission).commitMinor, 0n) },
              ];
            });
      return { period, actualMinor, teamCalls, memberSums };
    });
    views.push({
      teamId: team.id,
      teamName: team.name,
      leaderId,
      leaderName: context.names.get(leaderId) ?? leaderId,
      members: members.length,
      ...computeTeamTrackRecord(periods),
      byPeriod: periods.map((p) => ({
        period: p.period,
        actual: formatMinor(p.actualMinor, options.decimals),
      })),
    });
  }
  return views.sort((a, b) => a.teamName.localeCompare(b.teamName));
}
