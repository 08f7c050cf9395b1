import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { VerificationJobResponse } from '../../api/ledger.js';
import { formatInstant } from '../format/format-time.js';
import { describeError } from '../http/api-error.js';
import { useSession } from '../session/session-context.js';
import { ExportLinks } from '../ui/export-links.js';
import { Notice, Spinner } from '../ui/notice.js';
import { VerificationResult } from './verification-result.js';
import { useLatestVerification, useStartVerification, useVerification } from './verification-queries.js';

/**
 * Full verification, for admins: it runs on the server in the background, so the page starts it,
 * shows its progress (polled every second), then the result with the chain head and the time. On
 * arrival the page shows the latest verification, finished or still running.
 */
export function VerificationPanel() {
  const session = useSession();
  const client = useQueryClient();
  const latest = useLatestVerification(session.can.administer);
  const start = useStartVerification();
  const [jobId, setJobId] = useState<string | null>(null);
  const shownId = jobId ?? latest.data?.id ?? null;
  const job = useVerification(shownId);
  const current = job.data ?? (latest.data?.id === shownId ? latest.data : undefined);
  const running = current?.status === 'running';

  // Once a verification ends, the chain head above may have moved on: read it again.
  const ended = current !== undefined && current.status !== 'running';
  useEffect(() => {
    if (ended) void client.invalidateQueries({ queryKey: ['ledger', 'head'] });
  }, [ended, client]);

  return (
    <section className="panel" aria-labelledby="verify-title">
      <div className="panel-head">
        <h2 id="verify-title" className="panel-title">
          Verification
        </h2>
        {session.can.administer ? (
          <span className="button-row">
            {/* Once a run exists: one started on this page counts, before the latest is read again. */}
            {current ? (
              <ExportLinks path="/api/ledger/verifications/export" query={{}} what="recent verifications" />
            ) : null}
            <button
              type="button"
              className="button button-primary"
              onClick={() => start.mutate(undefined, { onSuccess: (started) => setJobId(started.id) })}
              disabled={start.isPending || running}
            >
              {running ? 'Verifying…' : 'Run verification'}
            </button>
          </span>
        ) : null}
      </div>
      {!session.can.administer ? (
        <p className="muted">
          An admin can run a full verification here (or anyone with the server: candor verify).
        </p>
      ) : null}
      {session.can.administer && !current && !latest.isPending ? (
        <p className="muted">
          Recomputes every hash from the first event and rebuilds each derived table in memory to compare it
          with the stored one. It runs on the server in the background: you can leave this page and come back.
        </p>
      ) : null}
      {latest.isPending && session.can.administer ? (
        <Spinner label="Reading the latest verification…" />
      ) : null}
      {start.isError ? <Notice tone="error">{describeError(start.error)}</Notice> : null}
      {job.isError ? <Notice tone="error">{describeError(job.error)}</Notice> : null}
      {current ? <VerificationJob job={current} /> : null}
    </section>
  );
}

function VerificationJob({ job }: { job: VerificationJobResponse }) {
  const who = job.actorName ?? job.actor;
  if (job.status === 'running') {
    const { phase, done, total } = job.progress;
    const fraction = total > 0 ? Math.min(1, done / total) : null;
    const step =
      phase === 'chain'
        ? `Recomputing the hash chain: ${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} events`
        : phase === 'projections'
          ? `Replaying the ledger: ${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} records compared`
          : 'Starting…';
    return (
      <div className="form-stack" role="status" data-testid="verify-progress">
        <p>
          <strong>{step}</strong>
          <span className="muted">
            {' '}
            · started by {who} at {formatInstant(job.startedAt)}
          </span>
        </p>
        <div
          className={`progress${fraction === null ? ' progress-indeterminate' : ''}`}
          role="progressbar"
          aria-label="Verification progress"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={fraction === null ? undefined : Math.round(fraction * 100)}
        >
          <div
            className="progress-bar"
            style={fraction === null ? undefined : { width: `${fraction * 100}%` }}
          />
        </div>
      </div>
    );
  }
  if (job.status === 'failed' || !job.result) {
    return (
      <Notice tone="error" title="The verification did not finish">
        {job.error?.message ?? 'No reason was recorded.'} (started by {who} at {formatInstant(job.startedAt)})
      </Notice>
    );
  }
  return <VerificationResult report={job.result} who={who} startedAt={job.startedAt} />;
}
