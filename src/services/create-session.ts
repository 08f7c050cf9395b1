import { createHash, randomBytes } from 'node:crypto';
import { insertSession } from '../store/auth-session-queries.js';
import type { Connection } from '../store/session.js';

/** A session lasts 12 hours after the last request, and never more than 7 days after sign-in. */
export const sessionIdleHours = 12;
export const sessionMaxDays = 7;

export type CreateSessionOptions = {
  userId: string;
  method: 'password' | 'oidc';
  now: Date;
  address: string | null;
  userAgent: string | null;
};

export type CreatedSession = { token: string; csrfToken: string; expiresAt: Date };

/** Starts a session: the random token goes to the cookie, only its hash to the database. */
export async function createSession(
  conn: Pick<Connection, 'db'>,
  options: CreateSessionOptions,
): Promise<CreatedSession> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = sessionExpiry(options.now, options.now);
  await insertSession(conn, {
    tokenHash: hashSessionToken(token),
    userId: options.userId,
    csrfToken,
    method: options.method,
    createdAt: options.now,
    lastSeenAt: options.now,
    expiresAt,
    address: options.address,
    userAgent: options.userAgent?.slice(0, 300) ?? null,
  });
  return { token, csrfToken, expiresAt };
}

export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The idle deadline from `lastSeen`, capped by the absolute one from `createdAt`. */
export function sessionExpiry(createdAt: Date, lastSeen: Date): Date {
  const idle = lastSeen.getTime() + sessionIdleHours * 3_600_000;
  const absolute = createdAt.getTime() + sessionMaxDays * 86_400_000;
  return new Date(Math.min(idle, absolute));
}
