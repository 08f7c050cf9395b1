import type { Kysely } from 'kysely';

/**
 * Stored call scores: the projection of `call.scored` events, one row per person and finished
 * period (the call entity holds at most one score), read by the track records.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migrations take an untyped Kysely
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('call_scores')
    .addColumn('call_id', 'text', (c) => c.primaryKey())
    .addColumn('seq', 'int8', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('scored_at', 'timestamptz', (c) => c.notNull())
    .addColumn('actual_minor', 'int8', (c) => c.notNull())
    .addColumn('weeks', 'jsonb', (c) => c.notNull())
    .addColumn('bias01', 'text')
    .addColumn('method', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('call_scores_period_user')
    .on('call_scores')
    .columns(['period', 'user_id'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migrations take an untyped Kysely
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('call_scores').execute();
}
