import type { AccessScope } from '../../core/access-scope.js';
import { DomainError } from '../../core/domain-error.js';
import { findTeamMemberIds } from '../../store/find-team-member-ids.js';
import type { Connection } from '../../store/session.js';

/**
 * The owners a forecast covers: a team's subtree or one person, cut to the caller's scope; null for
 * "everyone the scope allows". Asking for a team or person wholly outside the scope is refused
 * rather than answered with zeros, which would read as a forecast of nothing.
 */
export async function resolveForecastOwners(
  conn: Pick<Connection, 'db'>,
  options: { scope: AccessScope; teamId?: string | undefined; ownerId?: string | undefined },
): Promise<readonly string[] | null> {
  let owners: string[] | null = null;
  if (options.teamId !== undefined) {
    const members = await findTeamMemberIds(conn, options.teamId);
    if (members === null) {
      throw new DomainError('invalid-input', `there is no team '${options.teamId}'`, [
        { where: 'team', value: options.teamId, reason: 'no team has this id' },
      ]);
    }
    owners = members;
  }
  if (options.ownerId !== undefined) {
    owners = owners === null ? [options.ownerId] : owners.filter((id) => id === options.ownerId);
  }
  if (owners === null || options.scope.kind === 'everything') return owners;
  const allowed = new Set(options.scope.ownerIds);
  const visible = owners.filter((id) => allowed.has(id));
  if (owners.length > 0 && visible.length === 0) {
    throw new DomainError('forbidden', 'that team or person is outside what you may see', [
      { where: options.ownerId !== undefined ? 'owner' : 'team', reason: 'outside your scope' },
    ]);
  }
  return visible;
}
