import type { Kysely } from 'kysely';

/**
 * A manager's or rep's pipeline is "deals of these owners closing in this period": with only the
 * close-date index, a quarter of 100,000 deals reads every deal closing then and throws away the
 * other teams'. Owner first, then close date, serves exactly the scoped range.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migrations take an untyped Kysely
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('opportunities_owner_close')
    .on('opportunities')
    .columns(['owner_id', 'close_date'])
    .execute();
}
