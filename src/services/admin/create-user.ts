import type { Role } from '../../core/org-entities.js';
import { saveCredential } from '../../store/credential-queries.js';
import type { DatabaseHandle } from '../../store/session.js';
import { hashNewPassword } from '../password-hashing.js';
import { runChange, type ChangeContext, type RecordChange } from './change-context.js';
import { getAdminUser, type AdminUser } from './list-admin-users.js';
import { newEntityId } from './new-entity-id.js';
import { requireFreeEmail, requireTeam } from './user-checks.js';

export type CreateUserOptions = ChangeContext & {
  name: string;
  email: string;
  title?: string | null;
  /** An initial password; without one the person signs in by single sign-on (or gets one later). */
  password?: string;
  roles?: readonly { teamId: string; role: Role }[];
};

/**
 * Adds a person: `user.created`, a `user.role_granted` per role and, with a password,
 * `user.password_set`, all in one transaction, so a refused role or a taken e-mail leaves nothing
 * half made. The id is generated (see newEntityId).
 */
export async function createUser(handle: DatabaseHandle, options: CreateUserOptions): Promise<AdminUser> {
  const passwordHash = options.password === undefined ? null : await hashNewPassword(options.password);
  return runChange(handle, options, async (conn, record) => {
    await requireFreeEmail(conn, options.email);
    const roles = uniqueRoles(options.roles ?? []);
    for (const [i, role] of roles.entries()) await requireTeam(conn, role.teamId, `roles.${i}.teamId`);
    const id = await newEntityId(conn, 'user');
    const changes: RecordChange[] = [
      {
        entityType: 'user',
        entityId: id,
        kind: 'user.created',
        payload: { name: options.name, email: options.email, title: options.title ?? null, active: true },
      },
      ...roles.map((role) => ({
        entityType: 'user' as const,
        entityId: id,
        kind: 'user.role_granted',
        payload: { ...role },
      })),
    ];
    if (passwordHash !== null) {
      // The ledger records that a password was set, never the hash: that stays in user_credentials.
      changes.push({ entityType: 'user', entityId: id, kind: 'user.password_set', payload: {} });
    }
    await record(changes);
    if (passwordHash !== null)
      await saveCredential(conn, { userId: id, passwordHash, updatedAt: options.now });
    return getAdminUser(conn, id);
  });
}

function uniqueRoles(roles: readonly { teamId: string; role: Role }[]): { teamId: string; role: Role }[] {
  const seen = new Set<string>();
  return roles.filter((r) => {
    const key = `${r.teamId}\u0000${r.role}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
