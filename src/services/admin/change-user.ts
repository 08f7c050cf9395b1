import { DomainError } from '../../core/domain-error.js';
import { revokeSessions } from '../../store/auth-session-queries.js';
import type { DatabaseHandle } from '../../store/session.js';
import { runChange, type ChangeContext } from './change-context.js';
import { getAdminUser, type AdminUser } from './list-admin-users.js';
import { keepAnAdmin, requireFreeEmail } from './user-checks.js';

export type ChangeUserOptions = ChangeContext & {
  userId: string;
  change: { name?: string; email?: string; title?: string | null; active?: boolean };
};

/**
 * Changes a person's name, e-mail, title or whether they are active, as one `user.changed` event
 * carrying only what changes. Deactivating someone ends their sessions at once (they could not
 * use them anyway, but a later reactivation must not bring old sessions back) and is refused for
 * the last active administrator.
 */
export async function changeUser(handle: DatabaseHandle, options: ChangeUserOptions): Promise<AdminUser> {
  return runChange(handle, options, async (conn, record) => {
    const current = await getAdminUser(conn, options.userId);
    const payload: { name?: string; email?: string; title?: string | null; active?: boolean } = {};
    const { name, email, title, active } = options.change;
    if (name !== undefined && name !== current.name) payload.name = name;
    if (email !== undefined && email !== current.email) {
      await requireFreeEmail(conn, email, options.userId);
      payload.email = email;
    }
    if (title !== undefined && (title || null) !== current.title) payload.title = title || null;
    if (active !== undefined && active !== current.active) payload.active = active;
    if (Object.keys(payload).length === 0) {
      throw new DomainError('invalid-input', `nothing to change: ${current.name} already has these values`);
    }
    if (payload.active === false) {
      await keepAnAdmin(conn, options.userId, () => false);
      await revokeSessions(conn, { userId: options.userId }, options.now);
    }
    await record([{ entityType: 'user', entityId: options.userId, kind: 'user.changed', payload }]);
    return getAdminUser(conn, options.userId);
  });
}
