import type {
  VerificationJobProblem,
  VerificationJobRecord,
  VerificationJobStatus,
  VerificationProgress,
} from '../../store/verification-job-queries.js';
import type { VerificationRun } from '../run-verification.js';

/** A verification job as the API shows it. */
export type VerificationJobView = {
  id: string;
  /** Who started it: their user id and, when known, their name. */
  actor: string;
  actorName: string | null;
  status: VerificationJobStatus;
  startedAt: string;
  updatedAt: string;
  finishedAt: string | null;
  progress: VerificationProgress;
  /** The verification's report once it ran to the end (whether or not the ledger was intact). */
  result: VerificationRun | null;
  /** Why it could not run to the end. */
  error: VerificationJobProblem | null;
};

/**
 * A running job that has not written for this long has lost its server: a live job writes its
 * progress at least every minute (see the runner's heartbeat).
 */
export const staleVerificationMs = 10 * 60_000;

/**
 * The job as the API shows it. A job still marked running whose server stopped can never finish:
 * it is shown failed, "interrupted", without writing anything (the read path does not write), as
 * soon as that is certain — at once on the embedded engine (one process alone opens it), after ten
 * minutes without a heartbeat on a server shared by several app servers.
 */
export function toVerificationJobView(
  record: VerificationJobRecord,
  liveness: { now: Date; runningHere: boolean; singleProcess: boolean },
): VerificationJobView {
  const view: VerificationJobView = {
    id: record.id,
    actor: record.actor,
    actorName: record.actorName,
    status: record.status,
    startedAt: record.startedAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
    finishedAt: record.finishedAt?.toISOString() ?? null,
    progress: record.progress,
    // Written by the runner from a VerificationRun.
    result: (record.result ?? null) as VerificationRun | null,
    error: record.error,
  };
  if (record.status !== 'running' || liveness.runningHere) return view;
  const silentMs = liveness.now.getTime() - record.updatedAt.getTime();
  if (!liveness.singleProcess && silentMs <= staleVerificationMs) return view;
  return {
    ...view,
    status: 'failed',
    error: {
      code: 'unavailable',
      message:
        'interrupted: the server stopped while this verification ran, so it never finished. Nothing was ' +
        'changed (a verification only reads): run it again.',
    },
  };
}
