import type { Kysely } from 'kysely';

/**
 * Candor's stored forecasts: the projection of `forecast.recorded` events, one row per forecast
 * shown or submitted, with its as-of moment, so each can be scored when its period closes.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migrations take an untyped Kysely
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('forecasts')
    .addColumn('forecast_id', 'text', (c) => c.primaryKey())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('team_id', 'text')
    .addColumn('owner_id', 'text')
    .addColumn('scope_key', 'text', (c) => c.notNull())
    .addColumn('as_of', 'timestamptz', (c) => c.notNull())
    .addColumn('week', 'integer', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('expected_minor', 'int8', (c) => c.notNull())
    .addColumn('p10_minor', 'int8', (c) => c.notNull())
    .addColumn('p50_minor', 'int8', (c) => c.notNull())
    .addColumn('p90_minor', 'int8', (c) => c.notNull())
    .addColumn('method_version', 'text', (c) => c.notNull())
    .addColumn('ledger_seq', 'int8', (c) => c.notNull())
    .addColumn('thin_data', 'boolean', (c) => c.notNull())
    .addColumn('components', 'jsonb', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('forecasts_period_scope')
    .on('forecasts')
    .columns(['period', 'team_id', 'owner_id', 'as_of'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migrations take an untyped Kysely
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('forecasts').execute();
}
