import type { ErrorCode } from '../../core/domain-error.js';
import type { RowRejection } from '../../core/import/row-problem.js';
import type { ImportJobProblem, ImportJobRecord, ImportJobStatus } from '../../store/import-job-queries.js';
import type { CsvEntity } from '../import/import-csv.js';
import type { ImportSummary } from '../import/import-batch.js';

/** What a finished job keeps of its import's summary: reject files by name, not by server path. */
export type StoredImportResult = Omit<ImportSummary, 'rejected' | 'rejectFiles'> & {
  /** Left out of job lists (see listImportJobs). */
  rejected?: RowRejection[];
  rejectFiles: string[];
};

/** A job as the API shows it. */
export type ImportJobView = {
  id: string;
  kind: 'salesforce' | 'csv';
  entity: CsvEntity | null;
  fileName: string;
  actor: string;
  status: ImportJobStatus;
  createdAt: string;
  updatedAt: string;
  progress: ImportJobRecord['progress'];
  result: StoredImportResult | null;
  error: JobProblem | null;
};

/** A failed job's problem: a domain error's code, or `internal` for an unexpected failure. */
export type JobProblem = ImportJobProblem & { code: ErrorCode | 'internal' };

/**
 * A running job that has not written for this long has lost its server: a live job writes its
 * progress at least every minute (see the runner's heartbeat).
 */
export const staleJobMs = 10 * 60_000;

export type JobLiveness = {
  now: Date;
  /** Whether this process runs the job. */
  runningHere: boolean;
  /** True on the embedded engine, which one process alone may open: a job it does not run is dead. */
  singleProcess: boolean;
};

/**
 * The job as the API shows it. A job still marked running whose server stopped (a restart, a
 * crash) can never finish: it is reported failed, "interrupted", without writing anything (the
 * read path does not write), as soon as that is certain — at once on the embedded engine, after
 * ten minutes without a heartbeat on a server shared by several app servers.
 */
export function toImportJobView(record: ImportJobRecord, liveness: JobLiveness): ImportJobView {
  const [kind, entity] = record.kind.split(':') as ['salesforce' | 'csv', CsvEntity | undefined];
  const view: ImportJobView = {
    id: record.id,
    kind,
    entity: entity ?? null,
    fileName: record.fileName,
    actor: record.actor,
    status: record.status,
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
    progress: record.progress,
    // Written by the runner from StoredImportResult.
    result: (record.result ?? null) as StoredImportResult | null,
    // Written by the runner from JobProblem.
    error: record.error as JobProblem | null,
  };
  if (record.status !== 'running' || liveness.runningHere) return view;
  const silentMs = liveness.now.getTime() - record.updatedAt.getTime();
  if (!liveness.singleProcess && silentMs <= staleJobMs) return view;
  return {
    ...view,
    status: 'failed',
    error: {
      code: 'unavailable',
      message:
        'interrupted: the server stopped while this import ran. An import lands whole or not at all, ' +
        'so unless it was committing at that moment nothing of it landed: upload it again.',
      details: [],
    },
  };
}
