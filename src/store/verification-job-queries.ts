import type { Connection } from '../db/connection.js';

export type VerificationJobStatus = 'running' | 'succeeded' | 'failed';

/** How far a verification has got: the chain's events, then the entities replayed. */
export type VerificationProgress = {
  phase: 'starting' | 'chain' | 'projections' | 'finished';
  done: number;
  total: number;
};

/** Why a job failed: a code and a sentence, never a stack. */
export type VerificationJobProblem = { code: string; message: string };

/**
 * A background verification as its row holds it. `result` is the JSON the job runner wrote when
 * the verification ended (its report); the store keeps it opaque.
 */
export type VerificationJobRecord = {
  id: string;
  actor: string;
  /** The actor's name, when the people projection knows them. */
  actorName: string | null;
  status: VerificationJobStatus;
  startedAt: Date;
  updatedAt: Date;
  finishedAt: Date | null;
  progress: VerificationProgress;
  result: unknown;
  error: VerificationJobProblem | null;
};

type Db = Pick<Connection, 'db'>;

export async function insertVerificationJob(
  conn: Db,
  job: { id: string; actor: string; startedAt: Date; progress: VerificationProgress },
): Promise<void> {
  await conn.db
    .insertInto('verification_jobs')
    .values({
      id: job.id,
      actor: job.actor,
      status: 'running',
      started_at: job.startedAt,
      updated_at: job.startedAt,
      progress: JSON.stringify(job.progress),
    })
    .execute();
}

/** Records progress (or only that the job is alive) on a job still running. */
export async function updateVerificationProgress(
  conn: Db,
  update: { id: string; progress: VerificationProgress; at: Date },
): Promise<void> {
  await conn.db
    .updateTable('verification_jobs')
    .set({ progress: JSON.stringify(update.progress), updated_at: update.at })
    .where('id', '=', update.id)
    .where('status', '=', 'running')
    .execute();
}

export async function finishVerificationJob(
  conn: Db,
  outcome: {
    id: string;
    status: Exclude<VerificationJobStatus, 'running'>;
    progress: VerificationProgress;
    result: unknown;
    error: VerificationJobProblem | null;
    at: Date;
  },
): Promise<void> {
  await conn.db
    .updateTable('verification_jobs')
    .set({
      status: outcome.status,
      progress: JSON.stringify(outcome.progress),
      result: outcome.result === null ? null : JSON.stringify(outcome.result),
      error: outcome.error === null ? null : JSON.stringify(outcome.error),
      updated_at: outcome.at,
      finished_at: outcome.at,
    })
    .where('id', '=', outcome.id)
    .execute();
}

function selectJobs(conn: Db) {
  return conn.db
    .selectFrom('verification_jobs as j')
    .leftJoin('users as u', 'u.id', 'j.actor')
    .select([
      'j.id',
      'j.actor',
      'u.name as actor_name',
      'j.status',
      'j.started_at',
      'j.updated_at',
      'j.finished_at',
      'j.progress',
      'j.result',
      'j.error',
    ]);
}

export async function findVerificationJob(conn: Db, id: string): Promise<VerificationJobRecord | null> {
  const row = await selectJobs(conn).where('j.id', '=', id).executeTakeFirst();
  return row ? toRecord(row) : null;
}

/** The most recent verification jobs, newest first. */
export async function listVerificationJobs(
  conn: Db,
  options: { limit: number },
): Promise<VerificationJobRecord[]> {
  const rows = await selectJobs(conn)
    .orderBy('j.started_at', 'desc')
    .orderBy('j.id', 'desc')
    .limit(options.limit)
    .execute();
  return rows.map(toRecord);
}

function toRecord(row: {
  id: string;
  actor: string;
  actor_name: string | null;
  status: string;
  started_at: Date;
  updated_at: Date;
  finished_at: Date | null;
  progress: unknown;
  result: unknown;
  error: unknown;
}): VerificationJobRecord {
  return {
    id: row.id,
    actor: row.actor,
    actorName: row.actor_name,
    status: row.status as VerificationJobStatus,
    startedAt: row.started_at,
    updatedAt: row.updated_at,
    finishedAt: row.finished_at,
    // Written by this module from the types above.
    progress: row.progress as VerificationProgress,
    result: row.result ?? null,
    error: (row.error ?? null) as VerificationJobProblem | null,
  };
}
