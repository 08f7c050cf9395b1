import { sql } from 'kysely';
import type { Connection } from '../db/connection.js';

export type SignInCandidate = {
  userId: string;
  name: string;
  email: string;
  active: boolean;
  /** Null when the person has no password (they sign in through single sign-on). */
  passwordHash: string | null;
};

/**
 * The people whose e-mail matches, without regard to case. Usually one; an import can bring two
 * records with one address, and the caller must then refuse rather than guess.
 */
export async function findSignInCandidates(
  conn: Pick<Connection, 'db'>,
  email: string,
): Promise<SignInCandidate[]> {
  const rows = await conn.db
    .selectFrom('users as u')
    .leftJoin('user_credentials as c', 'c.user_id', 'u.id')
    .select(['u.id', 'u.name', 'u.email', 'u.active', 'c.password_hash'])
    .where(sql<boolean>`lower(u.email) = lower(${email})`)
    .orderBy('u.id')
    .execute();
  return rows.map((r) => ({
    userId: r.id,
    name: r.name,
    email: r.email ?? email,
    active: r.active,
    passwordHash: r.password_hash,
  }));
}

export async function saveCredential(
  conn: Pick<Connection, 'db'>,
  credential: { userId: string; passwordHash: string; updatedAt: Date },
): Promise<void> {
  await conn.db
    .insertInto('user_credentials')
    .values({
      user_id: credential.userId,
      password_hash: credential.passwordHash,
      updated_at: credential.updatedAt,
    })
    .onConflict((oc) =>
      oc.column('user_id').doUpdateSet({
        password_hash: credential.passwordHash,
        updated_at: credential.updatedAt,
      }),
    )
    .execute();
}
