import type { AccessScope } from '../../core/access-scope.js';
import { DomainError } from '../../core/domain-error.js';
import { parsePeriod, periodContaining, periodDates, periodInstants } from '../../core/fiscal-calendar.js';
import {
  resolveTarget,
  targetIndicatorNames,
  type TargetIndicator,
} from '../../core/quotas/indicator-targets.js';
import type { Role } from '../../core/org-entities.js';
import { computeScorecard } from '../../core/scorecards/compute-scorecard.js';
import { listRecentPeriods } from '../../core/scorecards/list-recent-periods.js';
import { planScorecardSubjects } from '../../core/scorecards/plan-scorecard-subjects.js';
import { resolvePeriodQuota } from '../../core/scorecards/resolve-period-quota.js';
import { findUserRecord } from '../../store/org-queries.js';
import { listIndicatorTargets, type IndicatorTargetRow } from '../../store/quota-queries.js';
import { readScorecardFacts } from '../../store/scorecard-queries.js';
import { withConnection, type Connection, type DatabaseHandle } from '../../store/session.js';
import { getOrgContext } from '../org-context.js';
import { formatScorecard } from './format-scorecard.js';
import { readQuotaLookup } from './read-quota-lookup.js';
import { readOrgTree } from './read-org-tree.js';
import { statusRuleText, type ScorecardsReport } from './scorecard-report.js';

export type GetScorecardsOptions = {
  period: string;
  scope: AccessScope;
  /** The app's clock: how much of the period has passed. */
  now: Date;
  teamId?: string | undefined;
  ownerId?: string | undefined;
  /** Earlier periods in each trend (default 4). */
  trendPeriods?: number;
};

/**
 * The scorecards of a fiscal quarter, month or week for the reps and teams the caller may see
 * (see planScorecardSubjects): the stable entry point of scorecards for the API, the CLI and the
 * board pack.
 */
export async function getScorecards(
  handle: DatabaseHandle,
  options: GetScorecardsOptions,
): Promise<ScorecardsReport> {
  const kind = parsePeriod(options.period).kind;
  if (kind === 'year') {
    throw new DomainError(
      'invalid-input',
      `scorecards are for a quarter, month or week, not the year ${options.period}`,
      [{ where: 'period', value: options.period, reason: 'expected 2026-Q3, 2026-03 or 2026-W14' }],
    );
  }
  return withConnection(handle, async (conn) => {
    const org = await getOrgContext(conn);
    const calendar = org.calendar;
    const periods = listRecentPeriods(calendar, options.period, options.trendPeriods ?? 4);
    const quotaPeriods = [
      ...new Set(
        periods.flatMap((p) => [p, periodContaining(calendar, periodDates(calendar, p).start, 'quarter')]),
      ),
    ];
    // One after the other: a connection runs one query at a time (pg queues a second one, and warns).
    const tree = await readOrgTree(conn);
    const quotas = await readQuotaLookup(conn, { org, periods: quotaPeriods });
    const targetRows = await listIndicatorTargets(conn);
    if (options.teamId !== undefined && !tree.teams.some((t) => t.id === options.teamId)) {
      throw new DomainError('not-found', `there is no team '${options.teamId}'`, [
        { where: 'teamId', value: options.teamId, reason: 'no team has this id' },
      ]);
    }
    const holders = quotas.holders(options.period);
    const holderNames = await readNamesOutsideTeams(conn, holders, tree.members);
    const subjects = planScorecardSubjects({
      teams: tree.teams,
      members: tree.members,
      quotaHolders: holders,
      holderNames,
      scope: options.scope,
      teamId: options.teamId,
      ownerId: options.ownerId,
    });
    const owners = new Set([
      ...subjects.people.map((p) => p.userId),
      ...subjects.teams.flatMap((t) => t.ownerIds),
    ]);
    const first = periodInstants(calendar, periods[0] ?? options.period);
    const facts = await readScorecardFacts(conn, {
      ownerIds: [...owners],
      from: first.start,
      closeFrom: periodDates(calendar, periods[0] ?? options.period).start,
      corporateCurrency: org.settings.corporateCurrency,
    });
    const targetsOf = (role: Role) => targetsForRole(targetRows, role);
    const people = subjects.people.map((person) => {
      const quotaOf = (p: string) => quotas.user(person.userId, p);
      const resolved = resolvePeriodQuota(calendar, options.period, quotaOf);
      const card = computeScorecard({
        facts,
        calendar,
        now: options.now,
        ownerIds: new Set([person.userId]),
        periods: periods.map((p) => ({
          period: p,
          quotaMinor: resolvePeriodQuota(calendar, p, quotaOf).minor,
        })),
        targets: targetsOf(person.role),
        headcount: 1,
      });
      return formatScorecard(
        {
          subjectType: 'user',
          subjectId: person.userId,
          name: person.name,
          path: person.teamIds.map((id) => tree.teams.find((t) => t.id === id)?.name ?? id),
          role: person.role,
          headcount: 1,
          ownerIds: [person.userId],
          quotaSource: resolved.source,
        },
        card,
        org.corporateDecimals,
      );
    });
    const teams = subjects.teams.map((team) => {
      const quotaOf = (p: string) => quotas.team(team.id, team.ownerIds, p).minor;
      const resolved = resolvePeriodQuota(calendar, options.period, quotaOf);
      const headcount = Math.max(1, team.repCount);
      const card = computeScorecard({
        facts,
        calendar,
        now: options.now,
        ownerIds: new Set(team.ownerIds),
        periods: periods.map((p) => ({
          period: p,
          quotaMinor: resolvePeriodQuota(calendar, p, quotaOf).minor,
        })),
        targets: targetsOf('rep'),
        headcount,
      });
      const source =
        resolved.source === 'set' && quotas.team(team.id, team.ownerIds, options.period).source === 'members'
          ? 'members'
          : resolved.source;
      return formatScorecard(
        {
          subjectType: 'team',
          subjectId: team.id,
          name: team.name,
          path: team.path,
          role: 'rep',
          headcount,
          ownerIds: team.ownerIds,
          quotaSource: source,
        },
        card,
        org.corporateDecimals,
      );
    });
    const bounds = periodInstants(calendar, options.period);
    const elapsed = Math.min(
      1,
      Math.max(
        0,
        (options.now.getTime() - bounds.start.getTime()) / (bounds.end.getTime() - bounds.start.getTime()),
      ),
    );
    const dates = periodDates(calendar, options.period);
    return {
      period: options.period,
      currency: org.settings.corporateCurrency,
      asOf: options.now.toISOString(),
      periodStart: dates.start,
      periodEnd: dates.end,
      elapsedShare: elapsed,
      periods,
      statusRule: statusRuleText,
      teams,
      people,
    };
  });
}

/** The names of the quota holders who are in no team (few: one query each). */
async function readNamesOutsideTeams(
  conn: Pick<Connection, 'db'>,
  holders: ReadonlySet<string>,
  members: readonly { userId: string }[],
): Promise<Map<string, string>> {
  const inTeams = new Set(members.map((m) => m.userId));
  const names = new Map<string, string>();
  for (const userId of holders) {
    if (inTeams.has(userId)) continue;
    const user = await findUserRecord(conn, userId);
    if (user) names.set(userId, user.name);
  }
  return names;
}

function targetsForRole(rows: readonly IndicatorTargetRow[], role: Role): Record<TargetIndicator, number> {
  return Object.fromEntries(
    targetIndicatorNames.map((name) => [name, resolveTarget(rows, role, name).value]),
  ) as Record<TargetIndicator, number>;
}
