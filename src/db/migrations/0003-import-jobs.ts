import type { Kysely } from 'kysely';

/**
 * Imports started from the web app run in the background; their progress and result live here, in
 * the database, so any app server can answer "how far is it" and the result outlives a restart.
 * The ledger records what an import brought (`import.committed`); this table only tracks the job.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migrations take an untyped Kysely
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('import_jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addColumn('progress', 'jsonb', (c) => c.notNull())
    .addColumn('result', 'jsonb')
    .addColumn('error', 'jsonb')
    .addColumn('rejects_csv', 'text')
    .execute();
  await db.schema.createIndex('import_jobs_created').on('import_jobs').column('created_at').execute();
}
