import type { DatabaseHandle } from '../../store/session.js';
import { withConnection } from '../../store/session.js';
import { setPassword } from '../set-password.js';
import type { ChangeContext } from './change-context.js';
import { getAdminUser, type AdminUser } from './list-admin-users.js';

/**
 * An administrator sets or resets someone's password: recorded as `user.password_set` with the
 * admin as actor, and every session of that person ends (see setPassword).
 */
export async function setUserPassword(
  handle: DatabaseHandle,
  options: ChangeContext & { userId: string; password: string },
): Promise<AdminUser> {
  await setPassword(handle, {
    userId: options.userId,
    password: options.password,
    actor: options.actor,
    source: options.source,
    now: options.now,
  });
  return withConnection(handle, (conn) => getAdminUser(conn, options.userId));
}
