import type { AccessScope } from '../../core/access-scope.js';
import { DomainError } from '../../core/domain-error.js';
import { findTeamMemberIds } from '../../store/find-team-member-ids.js';
import type { Connection } from '../../store/session.js';

/**
 * The caller's scope cut to one owner or one team's subtree, when asked: a manager filtering on a
 * rep sees that rep's deals only if they could see them anyway. An unknown team is a 404.
 */
export async function narrowScope(
  conn: Pick<Connection, 'db'>,
  scope: AccessScope,
  filter: { ownerId?: string; teamId?: string },
): Promise<AccessScope> {
  let owners: string[] | null = null;
  if (filter.teamId !== undefined) {
    owners = await findTeamMemberIds(conn, filter.teamId);
    if (owners === null) throw new DomainError('not-found', `there is no team '${filter.teamId}'`);
  }
  if (filter.ownerId !== undefined) {
    owners = owners === null ? [filter.ownerId] : owners.filter((o) => o === filter.ownerId);
  }
  if (owners === null) return scope;
  const allowed = scope.kind === 'everything' ? owners : owners.filter((o) => scope.ownerIds.includes(o));
  return { kind: 'owners', ownerIds: allowed.sort() };
}
