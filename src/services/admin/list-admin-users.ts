import { DomainError } from '../../core/domain-error.js';
import { listUsersWithRoles, type AdminUserRow } from '../../store/admin-queries.js';
import { withConnection, type Connection, type DatabaseHandle } from '../../store/session.js';

export type AdminUser = AdminUserRow;

/** Every person, by name, with their roles and whether they have a password. */
export async function listAdminUsers(handle: DatabaseHandle): Promise<AdminUser[]> {
  return withConnection(handle, (conn) => listUsersWithRoles(conn));
}

/** One person as the administration pages show them; not-found when there is no such person. */
export async function getAdminUser(conn: Pick<Connection, 'db'>, userId: string): Promise<AdminUser> {
  const [user] = await listUsersWithRoles(conn, userId);
  if (!user) {
    throw new DomainError('not-found', `there is no user '${userId}'`, [
      { where: 'id', value: userId, reason: 'no person has this id' },
    ]);
  }
  return user;
}
