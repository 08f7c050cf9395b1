import { scopeIncludesOwner } from '../../core/compute-access.js';
import type { AccessScope } from '../../core/access-scope.js';
import { periodDates } from '../../core/fiscal-calendar.js';
import { computeQuotaBoard, collectSubtreeMembers } from '../../core/quotas/compute-quota-board.js';
import { convertToCorporate } from '../../core/quotas/convert-to-corporate.js';
import { listUsersWithRoles } from '../../store/admin-queries.js';
import { listQuotas } from '../../store/quota-queries.js';
import { readQuotaRateTable } from '../../store/quota-rate-table.js';
import type { Connection } from '../../store/session.js';
import { readAdminTeams } from '../admin/list-admin-teams.js';
import type { OrgContext } from '../org-context.js';

/**
 * The quota board of a period, in the corporate currency (rates of the period's first day), cut to
 * what the caller may see: the people in their scope, and the teams all of whose people are in it
 * (a team total over people the caller may not see would tell them what those people carry).
 */
export async function readQuotaBoard(
  conn: Pick<Connection, 'db'>,
  options: { org: OrgContext; period: string; scope: AccessScope },
) {
  const { start } = periodDates(options.org.calendar, options.period);
  // One after the other: a connection runs one query at a time (pg queues a second one, and warns).
  const teams = await readAdminTeams(conn);
  const quotas = await listQuotas(conn, [options.period]);
  const rates = await readQuotaRateTable(conn, options.org.settings.corporateCurrency);
  const users = await listUsersWithRoles(conn);
  const members = teams.flatMap((t) => t.members.map((m) => ({ ...m, teamId: t.id })));
  const board = computeQuotaBoard({
    teams: teams.map((t) => ({ id: t.id, name: t.name, parentId: t.parentId, depth: t.depth })),
    members,
    names: new Map(users.map((u) => [u.id, u.name])),
    quotas: quotas.map((q) => ({
      subjectType: q.subjectType,
      subjectId: q.subjectId,
      corporateMinor: convertToCorporate(q.amountMinor, q.currency, start, rates),
    })),
  });
  const visibleTeams = board.teams.filter((team) =>
    [...collectSubtreeMembers(team.id, teams, members)].every((id) => scopeIncludesOwner(options.scope, id)),
  );
  return {
    people: board.people.filter((p) => scopeIncludesOwner(options.scope, p.userId)),
    teams: visibleTeams,
    quotas: quotas.filter((q) =>
      q.subjectType === 'user'
        ? scopeIncludesOwner(options.scope, q.subjectId)
        : visibleTeams.some((t) => t.id === q.subjectId),
    ),
  };
}
