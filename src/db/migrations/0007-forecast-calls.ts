import { sql, type Kysely } from 'kysely';

/**
 * Forecast calls (projection of `call.submitted` events: one row per submission, never updated in
 * place) and the organisation's call policy (projection of `call_policy.changed`, one row).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migrations take an untyped Kysely
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('forecast_calls')
    .addColumn('call_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'int8', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('week', 'integer', (c) => c.notNull())
    .addColumn('submitted_at', 'timestamptz', (c) => c.notNull())
    .addColumn('submitted_by', 'text', (c) => c.notNull())
    .addColumn('commit_minor', 'int8', (c) => c.notNull())
    .addColumn('best_case_minor', 'int8', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('reason', 'text')
    .addColumn('rollup_commit_minor', 'int8', (c) => c.notNull())
    .addColumn('rollup_best_case_minor', 'int8', (c) => c.notNull())
    .addPrimaryKeyConstraint('forecast_calls_pk', ['call_id', 'seq'])
    .execute();
  await db.schema
    .createIndex('forecast_calls_period_user')
    .on('forecast_calls')
    .columns(['period', 'user_id', 'submitted_at'])
    .execute();
  await db.schema
    .createTable('call_policy')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('settings', 'jsonb', (c) => c.notNull())
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migrations take an untyped Kysely
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('call_policy').execute();
  await db.schema.dropTable('forecast_calls').execute();
}
