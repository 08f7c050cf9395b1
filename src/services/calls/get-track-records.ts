import type { AccessScope } from '../../core/access-scope.js';
import type { CallSubmission } from '../../core/calls/call-submission.js';
import { computeCommitHitRate, type CommitHitRate } from '../../core/calls/compute-commit-hit-rate.js';
import {
  computeOverrideEffect,
  type OverrideEffect,
  type OverrideWeek,
} from '../../core/calls/compute-override-effect.js';
import {
  computePeriodBias,
  computeTrackRecord,
  type ScoredPeriod,
  type TrackRecord,
} from '../../core/calls/compute-track-record.js';
import { planCallGrid } from '../../core/calls/plan-call-grid.js';
import { isEmptyScope, scopeIncludesOwner } from '../../core/compute-access.js';
import { formatMinor } from '../../core/money.js';
import {
  listCallSubmissions,
  listCommitDealsAt,
  sumWonByOwner,
  type CommitDealRow,
} from '../../store/call-queries.js';
import { withConnection, type DatabaseHandle } from '../../store/session.js';
import { callScopeOf, loadCallContext, periodWindows } from './call-context.js';
import { scoreFinishedCalls } from './score-calls.js';
import { listTeamTrackRecords, type PeriodCalls, type TeamRecordView } from './team-track-records.js';
import { closedQuarters, weeklyCalls } from './weekly-calls.js';
import { listCallScores } from '../../store/call-score-queries.js';
import { computeScopeKey } from '../../core/forecast/forecast-record.js';
import { computeForecastTrackRecord, type ForecastTrackRecord } from '../../core/forecast/forecast-score.js';
import { listForecastScores } from '../../store/forecast-score-queries.js';
import { scoreFinishedForecasts } from '../forecast/score-forecasts.js';

export type PersonTrackRecord = TrackRecord & {
  userId: string;
  name: string;
  teamId: string | null;
  teamName: string | null;
  role: string;
  commitHitRate: Omit<CommitHitRate, 'committedMinor' | 'wonMinor'> & {
    committedAmount: string;
    wonAmount: string;
  };
  /** For people who lead a team: whether their call beat the sum of their reports' calls. */
  overrides: OverrideEffect | null;
  byPeriod: { period: string; actual: string; calls: number; lastCall: string | null; bias: number | null }[];
};

export type TrackRecords = {
  currency: string;
  periods: string[];
  people: PersonTrackRecord[];
  /** Each team's call and its members' roll-up, scored against the team's actual. */
  teams: TeamRecordView[];
  /** Candor's own stored forecasts of the caller's scope, scored at close the same way. */
  candorForecast: ForecastTrackRecord;
};

/** How many closed quarters a track record looks back over by default. */
export const defaultTrackRecordQuarters = 8;

/**
 * Each person's forecast track record over closed quarters, scored at period close: accuracy by week
 * of the period, bias shrunk toward their team's (src/core/calls/compute-track-record.ts), how often
 * their Commit deals closed, and for team leaders whether their own call beat the sum of their
 * reports' calls. A week's call is the last one submitted for that week; weeks without one are not
 * scored. Only people the caller can see are listed.
 */
export async function getTrackRecords(
  handle: DatabaseHandle,
  options: { readScope: AccessScope; now: Date; periods?: readonly string[] | undefined },
): Promise<TrackRecords> {
  const periods =
    options.periods ??
    (await withConnection(handle, async (conn) =>
      closedQuarters(await loadCallContext(conn), options.now, defaultTrackRecordQuarters),
    ));
  // The first read after a period ends stores its scores; later reads find them stored.
  await scoreFinishedCalls(handle, { periods, now: options.now, actor: 'system', source: 'system' });
  await scoreFinishedForecasts(handle, { periods, now: options.now, actor: 'system', source: 'system' });
  return withConnection(handle, async (conn) => {
    const context = await loadCallContext(conn);
    const { org } = context;
    const decimals = org.corporateDecimals;
    const storedScores = new Map(
      (await listCallScores(conn, periods)).map((s) => [`${s.period}:${s.userId}`, s]),
    );
    const people = [...context.names.keys()].filter(
      (id) => !isEmptyScope(callScopeOf(context, id)) && scopeIncludesOwner(options.readScope, id),
    );
    const everyone = [...context.names.keys()].filter((id) => !isEmptyScope(callScopeOf(context, id)));
    const scored = new Map<string, ScoredPeriod[]>(everyone.map((id) => [id, []]));
    const commitDeals = new Map<string, CommitDealRow[]>(everyone.map((id) => [id, []]));
    const overrideWeeks = new Map<string, OverrideWeek[]>();
    const calls = await listCallSubmissions(conn, { periods });
    const corporateCurrency = org.settings.corporateCurrency;
    const periodCalls: PeriodCalls[] = [];

    for (const period of periods) {
      const { windows, closeFrom, closeTo } = periodWindows(context, period);
      const won = await sumWonByOwner(conn, { closeFrom, closeTo, corporateCurrency });
      const deals = await listCommitDealsAt(conn, {
        closeFrom,
        closeTo,
        instants: windows.map((w) => w.dueAt),
        corporateCurrency,
      });
      const weekly = weeklyCalls(calls.filter((c) => c.period === period));
      periodCalls.push({ period, wonByOwner: won, weekly });
      for (const userId of everyone) {
        const scope = callScopeOf(context, userId);
        const actualMinor = [...won]
          .filter(([o]) => scopeIncludesOwner(scope, o))
          .reduce((s, [, m]) => s + m, 0n);
        const own = weekly.get(userId) ?? new Map<number, CallSubmission>();
        // A finished period's score as stored at close; a period still open is scored live.
        const stored = storedScores.get(`${period}:${userId}`);
        scored.get(userId)?.push(
          stored
            ? { period, actualMinor: stored.actualMinor, calls: stored.weeks }
            : {
                period,
                actualMinor,
                calls: [...own.values()].map((c) => ({ week: c.week, commitMinor: c.commitMinor })),
              },
        );
        commitDeals.get(userId)?.push(...deals.filter((d) => scopeIncludesOwner(scope, d.ownerId)));
        const led = context.memberships.find(
          (m) => m.userId === userId && (m.role === 'manager' || m.role === 'executive'),
        );
        if (!led) continue;
        const reports = planCallGrid(context.teams, context.memberships, led.teamId)
          .filter((r) => r.kind !== 'team')
          .map((r) => r.userId);
        if (reports.length === 0 || reports.some((r) => r === null)) continue;
        const list = overrideWeeks.get(userId) ?? [];
        for (const [week, call] of own) {
          const reportCalls = reports.map((r) => weekly.get(r as string)?.get(week));
          if (reportCalls.some((c) => c === undefined)) continue;
          list.push({
            period,
            week,
            managerMinor: call.commitMinor,
            reportsSumMinor: reportCalls.reduce((s, c) => s + (c as CallSubmission).commitMinor, 0n),
            actualMinor,
          });
        }
        overrideWeeks.set(userId, list);
      }
    }

    const teamOf = (userId: string) =>
      context.memberships.find(
        (m) => m.userId === userId && ['rep', 'manager', 'executive'].includes(m.role),
      ) ?? null;
    const teamBiases = new Map<string, number[]>();
    for (const userId of everyone) {
      const teamId = teamOf(userId)?.teamId ?? '';
      const biases = (scored.get(userId) ?? [])
        .filter((p) => p.actualMinor !== 0n)
        .map(computePeriodBias)
        .filter((b): b is number => b !== null);
      teamBiases.set(teamId, [...(teamBiases.get(teamId) ?? []), ...biases]);
    }

    return {
      currency: corporateCurrency,
      // Quarters nobody called in are left out of the list (they score nothing).
      periods: periods.filter((p) => calls.some((c) => c.period === p)),
      people: people
        .map((userId): PersonTrackRecord => {
          const membership = teamOf(userId);
          const own = scored.get(userId) ?? [];
          const hit = computeCommitHitRate(commitDeals.get(userId) ?? []);
          const { committedMinor, wonMinor, ...counts } = hit;
          return {
            ...computeTrackRecord(own, teamBiases.get(membership?.teamId ?? '') ?? []),
            userId,
            name: context.names.get(userId) ?? userId,
            teamId: membership?.teamId ?? null,
            teamName: context.teams.find((t) => t.id === membership?.teamId)?.name ?? null,
            role: membership?.role ?? 'rep',
            commitHitRate: {
              ...counts,
              committedAmount: formatMinor(committedMinor, decimals),
              wonAmount: formatMinor(wonMinor, decimals),
            },
            overrides: overrideWeeks.has(userId)
              ? computeOverrideEffect(overrideWeeks.get(userId) ?? [])
              : null,
            byPeriod: own.map((p) => ({
              period: p.period,
              actual: formatMinor(p.actualMinor, decimals),
              calls: p.calls.length,
              lastCall: p.calls.length
                ? formatMinor(p.calls[p.calls.length - 1]?.commitMinor ?? 0n, decimals)
                : null,
              bias: computePeriodBias(p),
            })),
          };
        })
        .sort((a, b) => (a.teamName ?? '').localeCompare(b.teamName ?? '') || a.name.localeCompare(b.name)),
      teams: listTeamTrackRecords(context, { periods: periodCalls, readScope: options.readScope, decimals }),
      // The forecasts stored when the caller's whole scope was shown (`candor forecast`, the forecast page).
      candorForecast: computeForecastTrackRecord(
        computeScopeKey(options.readScope.kind === 'everything' ? null : options.readScope.ownerIds),
        await listForecastScores(conn, periods),
      ),
    };
  });
}
