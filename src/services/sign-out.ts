import { revokeSessions } from '../store/auth-session-queries.js';
import { withConnection, type DatabaseHandle } from '../store/session.js';
import { hashSessionToken } from './create-session.js';

/** Ends this session, or with `everywhere` every session of its person on every device. */
export async function signOut(
  handle: DatabaseHandle,
  options: { token: string; userId: string; everywhere: boolean; now: Date },
): Promise<{ sessionsEnded: number }> {
  return withConnection(handle, async (conn) => {
    const target = options.everywhere
      ? { userId: options.userId }
      : { tokenHash: hashSessionToken(options.token) };
    return { sessionsEnded: await revokeSessions(conn, target, options.now) };
  });
}
