import { sql, type Selectable } from 'kysely';
import type { Connection } from '../db/connection.js';
import type { ImportJobsTable } from '../db/database.js';

export type ImportJobStatus = 'running' | 'succeeded' | 'failed';

/** How far a job has got, as the import reports it (bytes read, then rows replayed). */
export type ImportJobProgress = { phase: string; done: number; total: number; unit: 'bytes' | 'rows' };

/** Why a job failed: a problem's code, message and details, never a stack. */
export type ImportJobProblem = {
  code: string;
  message: string;
  details: { where?: string; line?: number; value?: string; reason: string }[];
};

/**
 * A background import as its row holds it. `result` is the JSON the job runner wrote when the job
 * ended (the import's summary); the store keeps it opaque.
 */
export type ImportJobRecord = {
  id: string;
  kind: string;
  fileName: string;
  actor: string;
  status: ImportJobStatus;
  createdAt: Date;
  updatedAt: Date;
  progress: ImportJobProgress;
  result: unknown;
  error: ImportJobProblem | null;
};

type Db = Pick<Connection, 'db'>;

export async function insertImportJob(
  conn: Db,
  job: Pick<ImportJobRecord, 'id' | 'kind' | 'fileName' | 'actor' | 'createdAt' | 'progress'>,
): Promise<void> {
  await conn.db
    .insertInto('import_jobs')
    .values({
      id: job.id,
      kind: job.kind,
      file_name: job.fileName,
      actor: job.actor,
      status: 'running',
      created_at: job.createdAt,
      updated_at: job.createdAt,
      progress: JSON.stringify(job.progress),
    })
    .execute();
}

/** Records progress (or only that the job is alive) on a job still running. */
export async function updateImportJobProgress(
  conn: Db,
  update: { id: string; progress: ImportJobProgress; at: Date },
): Promise<void> {
  await conn.db
    .updateTable('import_jobs')
    .set({ progress: JSON.stringify(update.progress), updated_at: update.at })
    .where('id', '=', update.id)
    .where('status', '=', 'running')
    .execute();
}

export async function finishImportJob(
  conn: Db,
  outcome: {
    id: string;
    status: Exclude<ImportJobStatus, 'running'>;
    progress: ImportJobProgress;
    result: unknown;
    error: ImportJobProblem | null;
    /** The reject files, already encoded as text by the caller (see the runner). */
    rejectsCsv: string | null;
    at: Date;
  },
): Promise<void> {
  await conn.db
    .updateTable('import_jobs')
    .set({
      status: outcome.status,
      progress: JSON.stringify(outcome.progress),
      result: outcome.result === null ? null : JSON.stringify(outcome.result),
      error: outcome.error === null ? null : JSON.stringify(outcome.error),
      rejects_csv: outcome.rejectsCsv,
      updated_at: outcome.at,
    })
    .where('id', '=', outcome.id)
    .execute();
}

const jobColumns = [
  'id',
  'kind',
  'file_name',
  'actor',
  'status',
  'created_at',
  'updated_at',
  'progress',
  'error',
] as const;

export async function findImportJob(conn: Db, id: string): Promise<ImportJobRecord | null> {
  const row = await conn.db
    .selectFrom('import_jobs')
    .select([...jobColumns, 'result'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toRecord(row) : null;
}

/**
 * The most recent jobs, newest first. Their results leave out the list of rejected values (up to
 * 10,000 of them per job): GET one job for those.
 */
export async function listImportJobs(conn: Db, options: { limit: number }): Promise<ImportJobRecord[]> {
  const rows = await conn.db
    .selectFrom('import_jobs')
    .select([...jobColumns, sql<unknown>`result - 'rejected'`.as('result')])
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(options.limit)
    .execute();
  return rows.map(toRecord);
}

/** The stored reject files of a job (null when it produced none, or there is no such job). */
export async function findImportJobRejectFiles(conn: Db, id: string): Promise<string | null> {
  const row = await conn.db
    .selectFrom('import_jobs')
    .select('rejects_csv')
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.rejects_csv ?? null;
}

function toRecord(row: Omit<Selectable<ImportJobsTable>, 'rejects_csv'>): ImportJobRecord {
  return {
    id: row.id,
    kind: row.kind,
    fileName: row.file_name,
    actor: row.actor,
    status: row.status as ImportJobStatus,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    // Written by this module from the types above.
    progress: row.progress as ImportJobProgress,
    result: row.result ?? null,
    error: (row.error ?? null) as ImportJobProblem | null,
  };
}
