import type { Kysely } from 'kysely';

/**
 * Projections of the `quota` and `target` ledger entities: a quota per person or team and fiscal
 * period, and the leading-indicator targets admins set per role.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migrations take an untyped Kysely
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('quotas')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('amount_minor', 'bigint', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('set_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('quotas_period').on('quotas').columns(['period', 'subject_type']).execute();
  await db.schema
    .createTable('indicator_targets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('indicator', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('set_at', 'timestamptz', (c) => c.notNull())
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migrations take an untyped Kysely
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('indicator_targets').execute();
  await db.schema.dropTable('quotas').execute();
}
