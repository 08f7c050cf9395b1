import { computeAccess } from '../core/compute-access.js';
import type { Principal } from '../core/principal.js';
import { loadAccessFacts } from '../store/access-facts.js';
import { findLiveSession, touchSession } from '../store/auth-session-queries.js';
import { withConnection, type DatabaseHandle } from '../store/session.js';
import { hashSessionToken, sessionExpiry } from './create-session.js';

/** The last-seen time is written at most this often, so reading pages does not write every time. */
const touchEveryMs = 60_000;

/**
 * The person behind a session cookie, with their access computed from the team tree as it stands
 * now (a role granted or revoked takes effect on the next request), or null when the token is
 * unknown, revoked, expired, or its person is no longer active.
 */
export async function resolveSession(
  handle: DatabaseHandle,
  options: { token: string; now: Date },
): Promise<Principal | null> {
  return withConnection(handle, async (conn) => {
    const tokenHash = hashSessionToken(options.token);
    const session = await findLiveSession(conn, { tokenHash, now: options.now });
    if (!session) return null;
    let expiresAt = session.expiresAt;
    if (options.now.getTime() - session.lastSeenAt.getTime() >= touchEveryMs) {
      expiresAt = sessionExpiry(session.createdAt, options.now);
      await touchSession(conn, { tokenHash, lastSeenAt: options.now, expiresAt });
    }
    const facts = await loadAccessFacts(conn, session.userId);
    const teamNames = new Map(facts.teams.map((t) => [t.id, t.name]));
    return {
      userId: session.userId,
      name: session.userName,
      email: session.userEmail,
      memberships: facts.memberships.map((m) => ({ ...m, teamName: teamNames.get(m.teamId) ?? m.teamId })),
      access: computeAccess(facts),
      session: {
        method: session.method === 'oidc' ? 'oidc' : 'password',
        csrfToken: session.csrfToken,
        expiresAt,
      },
    };
  });
}
