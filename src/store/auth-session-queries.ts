import type { Connection } from '../db/connection.js';

export type StoredSession = {
  tokenHash: string;
  userId: string;
  userName: string;
  userEmail: string | null;
  csrfToken: string;
  method: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
};

export type NewSession = Omit<StoredSession, 'userName' | 'userEmail'> & {
  address: string | null;
  userAgent: string | null;
};

export async function insertSession(conn: Pick<Connection, 'db'>, session: NewSession): Promise<void> {
  await conn.db
    .insertInto('auth_sessions')
    .values({
      token_hash: session.tokenHash,
      user_id: session.userId,
      csrf_token: session.csrfToken,
      method: session.method,
      created_at: session.createdAt,
      last_seen_at: session.lastSeenAt,
      expires_at: session.expiresAt,
      address: session.address,
      user_agent: session.userAgent,
    })
    .execute();
}

/** A session that is neither revoked nor expired, of a person who is still active. */
export async function findLiveSession(
  conn: Pick<Connection, 'db'>,
  query: { tokenHash: string; now: Date },
): Promise<StoredSession | null> {
  const row = await conn.db
    .selectFrom('auth_sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select([
      's.token_hash',
      's.user_id',
      'u.name',
      'u.email',
      's.csrf_token',
      's.method',
      's.created_at',
      's.last_seen_at',
      's.expires_at',
    ])
    .where('s.token_hash', '=', query.tokenHash)
    .where('s.revoked_at', 'is', null)
    .where('s.expires_at', '>', query.now)
    .where('u.active', '=', true)
    .executeTakeFirst();
  if (!row) return null;
  return {
    tokenHash: row.token_hash,
    userId: row.user_id,
    userName: row.name,
    userEmail: row.email,
    csrfToken: row.csrf_token,
    method: row.method,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    expiresAt: row.expires_at,
  };
}

export async function touchSession(
  conn: Pick<Connection, 'db'>,
  update: { tokenHash: string; lastSeenAt: Date; expiresAt: Date },
): Promise<void> {
  await conn.db
    .updateTable('auth_sessions')
    .set({ last_seen_at: update.lastSeenAt, expires_at: update.expiresAt })
    .where('token_hash', '=', update.tokenHash)
    .execute();
}

/** Revokes one session, or every live session of a person when `userId` is given instead. */
export async function revokeSessions(
  conn: Pick<Connection, 'db'>,
  target: { tokenHash: string } | { userId: string },
  now: Date,
): Promise<number> {
  let query = conn.db.updateTable('auth_sessions').set({ revoked_at: now }).where('revoked_at', 'is', null);
  query =
    'tokenHash' in target
      ? query.where('token_hash', '=', target.tokenHash)
      : query.where('user_id', '=', target.userId);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}
