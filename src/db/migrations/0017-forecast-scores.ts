import type { Kysely } from 'kysely';

/**
 * Stored scores of Candor's own forecasts: the projection of `forecast.scored` events, one row per
 * scored forecast (the latest of its scope and week of a finished period), read by the track records.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migrations take an untyped Kysely
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('forecast_scores')
    .addColumn('forecast_id', 'text', (c) => c.primaryKey())
    .addColumn('seq', 'int8', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('scope_key', 'text', (c) => c.notNull())
    .addColumn('week', 'integer', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('scored_at', 'timestamptz', (c) => c.notNull())
    .addColumn('actual_minor', 'int8', (c) => c.notNull())
    .addColumn('expected_minor', 'int8', (c) => c.notNull())
    .addColumn('p10_minor', 'int8', (c) => c.notNull())
    .addColumn('p90_minor', 'int8', (c) => c.notNull())
    .addColumn('error_minor', 'int8', (c) => c.notNull())
    .addColumn('accuracy01', 'text')
    .addColumn('signed_error01', 'text')
    .addColumn('within_band', 'boolean', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('forecast_scores_period_scope')
    .on('forecast_scores')
    .columns(['period', 'scope_key', 'week'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migrations take an untyped Kysely
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('forecast_scores').execute();
}
