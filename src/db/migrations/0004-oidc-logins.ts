import type { Kysely } from 'kysely';

/**
 * Single sign-on in flight: between sending the browser to the identity provider and its return,
 * the state, nonce and PKCE verifier wait here (not in a server's memory), so the return may land
 * on any app server. Rows are used once and expire after minutes.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migrations take an untyped Kysely
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('oidc_logins')
    .addColumn('state', 'text', (c) => c.primaryKey())
    .addColumn('nonce', 'text', (c) => c.notNull())
    .addColumn('code_verifier', 'text', (c) => c.notNull())
    .addColumn('return_to', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
}
