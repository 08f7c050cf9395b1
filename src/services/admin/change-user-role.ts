import { DomainError } from '../../core/domain-error.js';
import type { Role } from '../../core/org-entities.js';
import type { DatabaseHandle } from '../../store/session.js';
import { runChange, type ChangeContext } from './change-context.js';
import { getAdminUser, type AdminUser } from './list-admin-users.js';
import { keepAnAdmin, requireTeam } from './user-checks.js';

export type ChangeUserRoleOptions = ChangeContext & {
  userId: string;
  action: 'grant' | 'revoke';
  teamId: string;
  role: Role;
};

/**
 * Grants or revokes one role in one team (`user.role_granted` / `user.role_revoked`). Access is
 * computed from roles on every request, so the change takes effect at the person's next click.
 * Revoking the last active administrator's admin role is refused.
 */
export async function changeUserRole(
  handle: DatabaseHandle,
  options: ChangeUserRoleOptions,
): Promise<AdminUser> {
  return runChange(handle, options, async (conn, record) => {
    const user = await getAdminUser(conn, options.userId);
    const team = await requireTeam(conn, options.teamId, 'teamId');
    const holds = user.roles.some((r) => r.teamId === team.id && r.role === options.role);
    if (options.action === 'grant' && holds) {
      throw new DomainError('invalid-input', `${user.name} is already ${options.role} in ${team.name}`, [
        { where: 'role', value: options.role, reason: 'the person already holds this role in this team' },
      ]);
    }
    if (options.action === 'revoke') {
      if (!holds) {
        throw new DomainError('not-found', `${user.name} is not ${options.role} in ${team.name}`, [
          { where: 'role', value: options.role, reason: 'the person does not hold this role in this team' },
        ]);
      }
      await keepAnAdmin(conn, user.id, (roles, active) => {
        const left = roles.filter((r) => !(r.role === options.role && r.teamId === team.id));
        return active && left.some((r) => r.role === 'admin');
      });
    }
    await record([
      {
        entityType: 'user',
        entityId: user.id,
        kind: options.action === 'grant' ? 'user.role_granted' : 'user.role_revoked',
        payload: { teamId: team.id, role: options.role },
      },
    ]);
    return getAdminUser(conn, user.id);
  });
}
