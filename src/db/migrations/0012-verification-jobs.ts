import type { Kysely } from 'kysely';

/**
 * Verifications started from the web app run in the background, like imports; their progress and
 * result live here, so any app server can answer "how far is it" and the last result outlives a
 * restart. The ledger itself is only read by a verification; this table only tracks the job.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migrations take an untyped Kysely
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('verification_jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('started_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addColumn('finished_at', 'timestamptz')
    .addColumn('progress', 'jsonb', (c) => c.notNull())
    .addColumn('result', 'jsonb')
    .addColumn('error', 'jsonb')
    .execute();
  await db.schema
    .createIndex('verification_jobs_started')
    .on('verification_jobs')
    .column('started_at')
    .execute();
}
