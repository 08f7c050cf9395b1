import { DomainError } from '../../core/domain-error.js';
import {
  findVerificationJob,
  listVerificationJobs,
  type VerificationJobRecord,
} from '../../store/verification-job-queries.js';
import { withConnection, type DatabaseHandle } from '../../store/session.js';
import { toVerificationJobView, type VerificationJobView } from './verification-job-view.js';

/** What tells a live job from an interrupted one: the time, and which jobs this process runs. */
export type VerificationReadContext = { now: Date; isRunningHere: (jobId: string) => boolean };

/** The most recent verification jobs, newest first. */
export async function listRecentVerifications(
  handle: DatabaseHandle,
  options: VerificationReadContext & { limit: number },
): Promise<VerificationJobView[]> {
  const records = await withConnection(handle, (conn) =>
    listVerificationJobs(conn, { limit: options.limit }),
  );
  return records.map((record) => view(handle, record, options));
}

/** One verification job: its progress while it runs, then its report or why it stopped. */
export async function getVerificationJob(
  handle: DatabaseHandle,
  options: VerificationReadContext & { id: string },
): Promise<VerificationJobView> {
  const record = await withConnection(handle, (conn) => findVerificationJob(conn, options.id));
  if (!record) {
    throw new DomainError('not-found', `there is no verification ${options.id}`, [
      { where: 'id', value: options.id, reason: 'no verification job has this id' },
    ]);
  }
  return view(handle, record, options);
}

function view(
  handle: DatabaseHandle,
  record: VerificationJobRecord,
  context: VerificationReadContext,
): VerificationJobView {
  return toVerificationJobView(record, {
    now: context.now,
    runningHere: context.isRunningHere(record.id),
    singleProcess: handle.engine === 'pglite',
  });
}
