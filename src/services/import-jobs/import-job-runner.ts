import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { DomainError } from '../../core/domain-error.js';
import type { RowRejection } from '../../core/import/row-problem.js';
import {
  finishImportJob,
  insertImportJob,
  updateImportJobProgress,
  type ImportJobProgress,
} from '../../store/import-job-queries.js';
import { withConnection, type DatabaseHandle } from '../../store/session.js';
import type { ImportSummary } from '../import/import-batch.js';
import { type ImportJobView, type JobProblem, type StoredImportResult } from './import-job-view.js';
import { hideFolder, prepareImport, type ImportUpload } from './prepare-import.js';
import { createProgressWriter } from './progress-writer.js';
import { encodeRejectFiles, maxKeptRejectBytes } from './reject-files.js';

export type ImportJobRunnerDeps = {
  db: DatabaseHandle;
  clock: () => Date;
  /** An unexpected failure (not a domain error), for the server's log; the job only says it failed. */
  onUnexpectedError: (error: unknown, context: { jobId: string }) => void;
};

type Outcome = {
  status: 'succeeded' | 'failed';
  result: StoredImportResult | null;
  error: JobProblem | null;
  rejectsCsv: string | null;
};

const initialProgress: ImportJobProgress = { phase: 'starting', done: 0, total: 0, unit: 'bytes' };

/**
 * Runs imports started over HTTP in the background of this process: `start` records the job
 * (status running) and returns at once; the import (the CLI's own, on the uploaded files) runs on,
 * writing its progress to the job row about once a second; at the end the row gets the summary,
 * the reject files and the status, and the upload's folder is removed. One runner per app: it
 * knows which jobs this process runs, which tells a live job from one a restart interrupted.
 */
export class ImportJobRunner {
  private readonly running = new Map<string, Promise<void>>();

  constructor(private readonly deps: ImportJobRunnerDeps) {}

  isRunning(jobId: string): boolean {
    return this.running.has(jobId);
  }

  /** Waits until no job of this process runs (for tests and an orderly stop). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running.values()]);
  }

  /**
   * Checks the upload, records the job and starts it. The upload's folder now belongs to the
   * job: it is removed when the job ends, or here when the upload is refused.
   */
  async start(upload: ImportUpload, options: { actor: string }): Promise<ImportJobView> {
    const { db, clock } = this.deps;
    const now = clock();
    let prepared;
    try {
      prepared = await prepareImport(db, upload, { actor: options.actor, now });
    } catch (error) {
      await upload.folder.remove();
      throw hideFolder(error, upload.folder);
    }
    const id = randomUUID();
    try {
      await withConnection(db, (conn) =>
        insertImportJob(conn, {
          id,
          kind: prepared.kind,
          fileName: upload.file.originalName,
          actor: options.actor,
          createdAt: now,
          progress: initialProgress,
        }),
      );
    } catch (error) {
      await upload.folder.remove();
      throw error;
    }
    const job = this.run(id, upload, prepared.run).finally(() => this.running.delete(id));
    this.running.set(id, job);
    return {
      id,
      kind: upload.kind,
      entity: upload.kind === 'csv' ? (prepared.kind.split(':')[1] as ImportJobView['entity']) : null,
      fileName: upload.file.originalName,
      actor: options.actor,
      status: 'running',
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
      progress: initialProgress,
      result: null,
      error: null,
    };
  }

  private async run(
    id: string,
    upload: ImportUpload,
    runImport: (onProgress: (progress: ImportJobProgress) => void) => Promise<ImportSummary>,
  ): Promise<void> {
    const { db, clock, onUnexpectedError } = this.deps;
    const writer = createProgressWriter(initialProgress, {
      write: (progress) =>
        withConnection(db, (conn) => updateImportJobProgress(conn, { id, progress, at: clock() })),
      onError: (error) => onUnexpectedError(error, { jobId: id }),
      intervalMs: 1_000,
      heartbeatMs: 60_000,
    });
    let outcome: Outcome;
    try {
      const summary = await runImport((p) =>
        writer.report({ phase: p.phase, done: p.done, total: p.total, unit: p.unit }),
      );
      outcome = await summaryOutcome(summary);
    } catch (error) {
      outcome = errorOutcome(hideFolder(error, upload.folder), id);
      if (!(error instanceof DomainError)) onUnexpectedError(error, { jobId: id });
    }
    const last = await writer.stop();
    try {
      await withConnection(db, (conn) =>
        finishImportJob(conn, { id, ...outcome, progress: finalProgress(last, outcome), at: clock() }),
      );
    } catch (error) {
      onUnexpectedError(error, { jobId: id });
    } finally {
      await upload.folder.remove().catch((error: unknown) => onUnexpectedError(error, { jobId: id }));
    }
  }
}

/** A finished job shows all done; a failed one where it stopped. */
function finalProgress(last: ImportJobProgress, outcome: Outcome): ImportJobProgress {
  return outcome.status === 'succeeded' ? { ...last, phase: 'finished', done: last.total } : last;
}

async function summaryOutcome(summary: ImportSummary): Promise<Outcome> {
  const { rejectFiles: paths, ...rest } = summary;
  const files = await Promise.all(
    paths.map(async (path) => ({ name: basename(path), bytes: await readFile(path) })),
  );
  const kept = files.reduce((sum, f) => sum + f.bytes.length, 0) <= maxKeptRejectBytes;
  const result: StoredImportResult = {
    ...rest,
    rejectFiles: kept ? files.map((f) => f.name) : [],
    notes: kept
      ? rest.notes
      : [...rest.notes, `the reject files pass ${maxKeptRejectBytes / 2 ** 20} MB and were not kept`],
  };
  if (summary.committed) {
    return { status: 'succeeded', result, error: null, rejectsCsv: kept ? encodeRejectFiles(files) : null };
  }
  return {
    status: 'failed',
    result,
    rejectsCsv: null,
    error: {
      code: 'import-rejected',
      message:
        `${summary.rejectedRows} ${summary.rejectedRows === 1 ? 'row was' : 'rows were'} rejected, so nothing ` +
        'landed: fix them, or import again with skipInvalid=true to land the valid rows and keep the rejected ones',
      details: summary.rejected.slice(0, 100).map(rejectionDetail),
    },
  };
}

function rejectionDetail(rejection: RowRejection): JobProblem['details'][number] {
  return {
    where: rejection.column === null ? rejection.file : `${rejection.file}: ${rejection.column}`,
    line: rejection.line,
    value: rejection.value,
    reason: rejection.reason,
  };
}

function errorOutcome(error: unknown, jobId: string): Outcome {
  const problem: JobProblem =
    error instanceof DomainError
      ? { code: error.code, message: error.message, details: error.details.map((d) => ({ ...d })) }
      : {
          code: 'internal',
          message: `an unexpected error stopped the import; the server log has it under job ${jobId}`,
          details: [],
        };
  return { status: 'failed', result: null, error: problem, rejectsCsv: null };
}
