import { randomUUID } from 'node:crypto';
import { DomainError } from '../../core/domain-error.js';
import {
  finishVerificationJob,
  insertVerificationJob,
  listVerificationJobs,
  updateVerificationProgress,
  type VerificationJobProblem,
  type VerificationProgress,
} from '../../store/verification-job-queries.js';
import { withConnection, type DatabaseHandle } from '../../store/session.js';
import { createProgressWriter } from '../import-jobs/progress-writer.js';
import { runVerification, type VerificationRun } from '../run-verification.js';
import { toVerificationJobView, type VerificationJobView } from './verification-job-view.js';

export type VerificationJobRunnerDeps = {
  db: DatabaseHandle;
  clock: () => Date;
  /** An unexpected failure, for the server's log; the job only says it failed. */
  onUnexpectedError: (error: unknown, context: { jobId: string }) => void;
};

const initialProgress: VerificationProgress = { phase: 'starting', done: 0, total: 0 };

/**
 * Runs verifications started over HTTP in the background of this process, like imports: `start`
 * records the job and returns at once; the verification (the CLI's own, `candor verify`) runs on,
 * writing its progress to the job row about once a second, and at the end the row gets the report.
 * One verification at a time: asking while one runs (here, or on another app server that is still
 * alive) answers that one. One runner per app: it knows which jobs this process runs, which tells
 * a live job from one a restart interrupted.
 */
export class VerificationJobRunner {
  private readonly running = new Map<string, Promise<void>>();

  constructor(private readonly deps: VerificationJobRunnerDeps) {}

  isRunning(jobId: string): boolean {
    return this.running.has(jobId);
  }

  /** Waits until no job of this process runs (for tests and an orderly stop). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running.values()]);
  }

  /** Starts a verification for `actor`, or answers the one already running; `started` tells which. */
  async start(options: { actor: string }): Promise<{ job: VerificationJobView; started: boolean }> {
    const { db, clock } = this.deps;
    const now = clock();
    const latest = (await withConnection(db, (conn) => listVerificationJobs(conn, { limit: 1 })))[0];
    if (latest) {
      const view = toVerificationJobView(latest, {
        now,
        runningHere: this.isRunning(latest.id),
        singleProcess: db.engine === 'pglite',
      });
      if (view.status === 'running') return { job: view, started: false };
    }
    const id = randomUUID();
    await withConnection(db, (conn) =>
      insertVerificationJob(conn, { id, actor: options.actor, startedAt: now, progress: initialProgress }),
    );
    const job = this.run(id, now).finally(() => this.running.delete(id));
    this.running.set(id, job);
    return {
      started: true,
      job: {
        id,
        actor: options.actor,
        actorName: null,
        status: 'running',
        startedAt: now.toISOString(),
        updatedAt: now.toISOString(),
        finishedAt: null,
        progress: initialProgress,
        result: null,
        error: null,
      },
    };
  }

  private async run(id: string, startedAt: Date): Promise<void> {
    const { db, clock, onUnexpectedError } = this.deps;
    const writer = createProgressWriter<VerificationProgress>(initialProgress, {
      write: (progress) =>
        withConnection(db, (conn) => updateVerificationProgress(conn, { id, progress, at: clock() })),
      onError: (error) => onUnexpectedError(error, { jobId: id }),
      intervalMs: 1_000,
      heartbeatMs: 60_000,
    });
    let result: VerificationRun | null = null;
    let error: VerificationJobProblem | null = null;
    try {
      result = await runVerification(db, { now: startedAt, onStep: (step) => writer.report(step) });
    } catch (failure) {
      error =
        failure instanceof DomainError
          ? { code: failure.code, message: failure.message }
          : {
              code: 'internal',
              message: `an unexpected error stopped the verification; the server log has it under job ${id}`,
            };
      if (!(failure instanceof DomainError)) onUnexpectedError(failure, { jobId: id });
    }
    const last = await writer.stop();
    try {
      await withConnection(db, (conn) =>
        finishVerificationJob(conn, {
          id,
          status: result ? 'succeeded' : 'failed',
          progress: result ? { phase: 'finished', done: last.total, total: last.total } : last,
          result,
          error,
          at: clock(),
        }),
      );
    } catch (failure) {
      onUnexpectedError(failure, { jobId: id });
    }
  }
}
