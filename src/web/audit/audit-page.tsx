import { useMutation, useQuery } from '@tanstack/react-query';
import type { LedgerHeadResponse } from '../../api/health.js';
import type { VerifyReportResponse } from '../../api/ledger.js';
import { formatInstant } from '../format/format-time.js';
import { getJson, sendJson } from '../http/api-client.js';
import { describeError } from '../http/api-error.js';
import { useSession } from '../session/session-context.js';
import { Notice, Spinner } from '../ui/notice.js';

/**
 * The ledger's integrity: the head of the hash chain (what reports cite), and for admins a full
 * verification: the chain recomputed and every derived table compared with a replay.
 */
export function AuditPage() {
  const session = useSession();
  const head = useQuery({
    queryKey: ['ledger', 'head'],
    queryFn: ({ signal }) => getJson<LedgerHeadResponse>('/api/ledger/head', {}, signal),
  });
  const verify = useMutation({
    mutationFn: () => sendJson<VerifyReportResponse>('/api/ledger/verify', { csrfToken: session.csrfToken }),
    onSuccess: () => void head.refetch(),
  });
  const report = verify.data;

  return (
    <div className="page-stack">
      <title>Audit · Candor</title>
      <header className="page-header">
        <div>
          <h1>Audit</h1>
          <p className="page-subtitle">
            Every change is an event in an append-only ledger; each event&apos;s hash covers the one before,
            so altering any past event breaks the chain from there on.
          </p>
        </div>
      </header>
      <section className="panel" aria-labelledby="head-title">
        <h2 id="head-title" className="panel-title">
          Chain head
        </h2>
        {head.isPending ? <Spinner /> : null}
        {head.isError ? <Notice tone="error">{describeError(head.error)}</Notice> : null}
        {head.data ? (
          <dl className="facts">
            <div className="fact">
              <dt>Events in the chain</dt>
              <dd data-testid="chain-length">{Number(head.data.length).toLocaleString('en-US')}</dd>
            </div>
            <div className="fact fact-wide">
              <dt>Head hash (SHA-256)</dt>
              <dd>
                <code className="hash">{head.data.head}</code>
              </dd>
            </div>
            <div className="fact">
              <dt>Read at</dt>
              <dd>{formatInstant(new Date(head.dataUpdatedAt).toISOString())}</dd>
            </div>
          </dl>
        ) : null}
      </section>
      <section className="panel" aria-labelledby="verify-title">
        <div className="panel-head">
          <h2 id="verify-title" className="panel-title">
            Verification
          </h2>
          {session.can.administer ? (
            <button
              type="button"
              className="button button-primary"
              onClick={() => verify.mutate()}
              disabled={verify.isPending}
            >
              {verify.isPending ? 'Verifying…' : 'Run verification'}
            </button>
          ) : null}
        </div>
        {!session.can.administer ? (
          <p className="muted">
            An admin can run a full verification here (or anyone with the server: candor verify).
          </p>
        ) : null}
        {!report && !verify.isPending && session.can.administer ? (
          <p className="muted">
            Recomputes every hash from the first event and rebuilds each derived table in memory to compare it
            with the stored one. It reads the whole ledger, so it takes a while on a large one.
          </p>
        ) : null}
        {verify.isPending ? <Spinner label="Recomputing the chain and replaying the ledger…" /> : null}
        {verify.isError ? <Notice tone="error">{describeError(verify.error)}</Notice> : null}
        {report ? <VerifyResult report={report} /> : null}
      </section>
    </div>
  );
}

function VerifyResult({ report }: { report: VerifyReportResponse }) {
  return (
    <div className="verify-result" data-testid="verify-result">
      <Notice
        tone={report.ok ? 'success' : 'error'}
        title={report.ok ? 'Ledger intact' : 'Ledger problems found'}
      >
        {report.ok
          ? `All ${Number(report.length).toLocaleString('en-US')} events chain correctly and every derived table equals a replay.`
          : `${report.problems.length} problems found in ${Number(report.length).toLocaleString('en-US')} events. Nothing was repaired: investigate before trusting figures.`}
      </Notice>
      <dl className="facts">
        <div className="fact">
          <dt>Events checked</dt>
          <dd>{Number(report.length).toLocaleString('en-US')}</dd>
        </div>
        <div className="fact">
          <dt>Checked at</dt>
          <dd>{formatInstant(report.checkedAt)}</dd>
        </div>
        <div className="fact">
          <dt>Took</dt>
          <dd>{(report.durationMs / 1000).toFixed(1)} s</dd>
        </div>
        <div className="fact fact-wide">
          <dt>Head hash</dt>
          <dd>
            <code className="hash">{report.head}</code>
          </dd>
        </div>
      </dl>
      {report.problems.length > 0 ? (
        <div className="table-scroll table-scroll-auto">
          <table className="data-table">
            <thead>
              <tr>
                <th>Kind</th>
                <th>Event</th>
                <th>Where</th>
                <th>What</th>
              </tr>
            </thead>
            <tbody>
              {report.problems.map((problem, index) => (
                <tr key={`${problem.kind}-${problem.seq ?? ''}-${index}`}>
                  <td>{problem.kind}</td>
                  <td>{problem.seq ? `#${problem.seq}` : '—'}</td>
                  <td>{problem.where ?? '—'}</td>
                  <td>{problem.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
