import { sql, type Kysely } from 'kysely';

/**
 * Pipeline hygiene and weekly digests. Frozen: never edit after it lands.
 * - `hygiene_rules`: projection of the admin's rule settings (`hygiene-rule.configured` events),
 *   one row per rule that was ever configured; defaults live in code.
 * - `digest_deliveries`: the delivery log of digests (operational, like import jobs: not ledger data).
 * - an index on changes entered in Candor by the time they were recorded: hygiene asks "what was
 *   entered after T but dated before it" and "what was backdated in the last days", and imported
 *   history (almost all of a large ledger) never answers either.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migrations take an untyped Kysely
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('hygiene_rules')
    .addColumn('rule_id', 'text', (c) => c.primaryKey())
    .addColumn('settings', 'jsonb', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('digest_deliveries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('run_id', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('finished_at', 'timestamptz')
    .addCheckConstraint('digest_deliveries_channel', sql`channel in ('email', 'webhook')`)
    .addCheckConstraint('digest_deliveries_status', sql`status in ('sent', 'failed')`)
    .execute();
  await db.schema
    .createIndex('digest_deliveries_created')
    .on('digest_deliveries')
    .column('created_at')
    .execute();

  await sql`create index events_entered_in_candor on events (recorded_time, entity_type)
    where source <> 'import'`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migrations take an untyped Kysely
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index events_entered_in_candor`.execute(db);
  await db.schema.dropTable('digest_deliveries').execute();
  await db.schema.dropTable('hygiene_rules').execute();
}
