import type { Connection } from '../db/connection.js';

export type RecentFailures = { count: number; oldest: Date | null };

export async function recordSignInAttempt(
  conn: Pick<Connection, 'db'>,
  attempt: { accountKey: string; address: string; attemptedAt: Date; succeeded: boolean },
): Promise<void> {
  await conn.db
    .insertInto('sign_in_attempts')
    .values({
      account_key: attempt.accountKey,
      address: attempt.address,
      attempted_at: attempt.attemptedAt,
      succeeded: attempt.succeeded,
    })
    .execute();
}

/**
 * Failed attempts since `since` for an account or an address. For an account, only failures after
 * its latest success count, so signing in clears the slate.
 */
export async function countRecentFailures(
  conn: Pick<Connection, 'db'>,
  query: { by: 'account_key' | 'address'; value: string; since: Date },
): Promise<RecentFailures> {
  let select = conn.db
    .selectFrom('sign_in_attempts as a')
    .select((eb) => [eb.fn.countAll<string>().as('count'), eb.fn.min('a.attempted_at').as('oldest')])
    .where(`a.${query.by}`, '=', query.value)
    .where('a.succeeded', '=', false)
    .where('a.attempted_at', '>', query.since);
  if (query.by === 'account_key') {
    select = select.where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('sign_in_attempts as s')
            .select('s.id')
            .whereRef('s.account_key', '=', 'a.account_key')
            .where('s.succeeded', '=', true)
            .whereRef('s.attempted_at', '>=', 'a.attempted_at'),
        ),
      ),
    );
  }
  const row = await select.executeTakeFirstOrThrow();
  return { count: Number(row.count), oldest: (row.oldest as Date | null) ?? null };
}
