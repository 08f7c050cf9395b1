import { isEmptyScope } from '../core/compute-access.js';
import { describeScope } from '../core/describe-scope.js';
import { dayInZone, periodContaining } from '../core/fiscal-calendar.js';
import type { Principal } from '../core/principal.js';
import { withConnection, type DatabaseHandle } from '../store/session.js';
import { getOrgContext } from './org-context.js';

/**
 * What the signed-in person sees about themself: roles, scope in words, what they may do, and the
 * fiscal quarter of today (only the server knows the organisation's fiscal calendar and time zone).
 */
export async function getSessionSummary(handle: DatabaseHandle, principal: Principal, now: Date) {
  const read = principal.access.read;
  const org = await withConnection(handle, (conn) => getOrgContext(conn));
  const today = dayInZone(now, org.settings.timeZone);
  return {
    user: { id: principal.userId, name: principal.name, email: principal.email },
    roles: principal.memberships.map((m) => ({ teamId: m.teamId, teamName: m.teamName, role: m.role })),
    scope: {
      kind: read.kind,
      ownerCount: read.kind === 'everything' ? null : read.ownerIds.length,
      description: describeScope(principal),
    },
    can: {
      editDeals: !isEmptyScope(principal.access.editDeals),
      forecast: !isEmptyScope(principal.access.forecast),
      administer: principal.access.administer,
    },
    currentQuarter: periodContaining(org.calendar, today, 'quarter'),
    method: principal.session.method,
    csrfToken: principal.session.csrfToken,
    expiresAt: principal.session.expiresAt.toISOString(),
  };
}
