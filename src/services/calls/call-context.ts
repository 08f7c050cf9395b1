import type { AccessScope } from '../../core/access-scope.js';
import { defaultCallPolicy, type CallPolicy } from '../../core/calls/call-policy.js';
import { computeCallWindows, type CallWindow } from '../../core/calls/compute-call-windows.js';
import type { GridMembership, GridTeam } from '../../core/calls/plan-call-grid.js';
import { computeAccess } from '../../core/compute-access.js';
import { periodDates } from '../../core/fiscal-calendar.js';
import { listTeams } from '../../store/admin-queries.js';
import { findCallPolicy, listPeople } from '../../store/call-queries.js';
import type { Role } from '../../core/org-entities.js';
import type { Connection } from '../../store/session.js';
import { getOrgContext, type OrgContext } from '../org-context.js';

/** What every call use case reads first: the organisation, the policy, the team tree and people. */
export type CallContext = {
  org: OrgContext;
  policy: CallPolicy;
  teams: GridTeam[];
  memberships: GridMembership[];
  names: Map<string, string>;
  activeIds: Set<string>;
};

export async function loadCallContext(conn: Pick<Connection, 'db'>): Promise<CallContext> {
  const org = await getOrgContext(conn);
  // One connection answers one query at a time: these run one after the other.
  const policy = await findCallPolicy(conn);
  const teams = await listTeams(conn);
  const memberships = await conn.db
    .selectFrom('memberships')
    .select(['user_id', 'team_id', 'role'])
    .execute();
  const people = await listPeople(conn);
  return {
    org,
    policy: policy ?? defaultCallPolicy,
    teams,
    memberships: memberships.map((m) => ({ userId: m.user_id, teamId: m.team_id, role: m.role as Role })),
    names: new Map(people.map((p) => [p.id, p.name])),
    activeIds: new Set(people.filter((p) => p.active).map((p) => p.id)),
  };
}

/**
 * The deals a person's own call covers: their forecast scope (src/core/permissions.ts): a rep's own
 * deals, a manager's subtree, everything for an executive. Empty for people who do not forecast.
 */
export function callScopeOf(context: CallContext, userId: string): AccessScope {
  return computeAccess({
    userId,
    memberships: context.memberships.filter((m) => m.userId === userId),
    teams: context.teams,
    allMemberships: context.memberships,
  }).forecast;
}

/** A period's windows and close-date bounds under the context's calendar and policy. */
export function periodWindows(
  context: CallContext,
  period: string,
): { windows: CallWindow[]; closeFrom: string; closeTo: string } {
  const { start, end } = periodDates(context.org.calendar, period);
  return {
    windows: computeCallWindows(context.org.calendar, period, context.policy),
    closeFrom: start,
    closeTo: end,
  };
}
