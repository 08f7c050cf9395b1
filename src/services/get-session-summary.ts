import { describeScope } from '../core/describe-scope.js';
import type { Principal } from '../core/principal.js';

/** What the signed-in person sees about themself: roles, scope in words, and what they may do. */
export function getSessionSummary(principal: Principal) {
  const read = principal.access.read;
  return {
    user: { id: principal.userId, name: principal.name, email: principal.email },
    roles: principal.memberships.map((m) => ({ teamId: m.teamId, teamName: m.teamName, role: m.role })),
    scope: {
      kind: read.kind,
      ownerCount: read.kind === 'everything' ? null : read.ownerIds.length,
      description: describeScope(principal),
    },
    can: {
      editDeals:
        principal.access.editDeals.kind === 'everything' || principal.access.editDeals.ownerIds.length > 0,
      forecast:
        principal.access.forecast.kind === 'everything' || principal.access.forecast.ownerIds.length > 0,
      administer: principal.access.administer,
    },
    method: principal.session.method,
    csrfToken: principal.session.csrfToken,
    expiresAt: principal.session.expiresAt.toISOString(),
  };
}
