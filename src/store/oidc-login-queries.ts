import type { Connection } from '../db/connection.js';

/** A single sign-on in flight: what the callback needs to check the provider's answer. */
export type OidcLogin = {
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
  createdAt: Date;
};

export async function insertOidcLogin(conn: Pick<Connection, 'db'>, login: OidcLogin): Promise<void> {
  await conn.db
    .insertInto('oidc_logins')
    .values({
      state: login.state,
      nonce: login.nonce,
      code_verifier: login.codeVerifier,
      return_to: login.returnTo,
      created_at: login.createdAt,
    })
    .execute();
}

/**
 * Removes the row of `state` and returns it, in one statement: of two callbacks racing with the
 * same state, only one gets the row, so a state (and its code verifier) is usable once.
 */
export async function takeOidcLogin(conn: Pick<Connection, 'db'>, state: string): Promise<OidcLogin | null> {
  const row = await conn.db
    .deleteFrom('oidc_logins')
    .where('state', '=', state)
    .returning(['state', 'nonce', 'code_verifier', 'return_to', 'created_at'])
    .executeTakeFirst();
  if (!row) return null;
  return {
    state: row.state,
    nonce: row.nonce,
    codeVerifier: row.code_verifier,
    returnTo: row.return_to,
    createdAt: row.created_at,
  };
}

/** Sign-ins abandoned at the provider leave rows behind; they go once they can no longer be used. */
export async function deleteOidcLoginsBefore(conn: Pick<Connection, 'db'>, before: Date): Promise<number> {
  const result = await conn.db.deleteFrom('oidc_logins').where('created_at', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}
