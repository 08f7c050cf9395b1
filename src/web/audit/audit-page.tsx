import { useQuery } from '@tanstack/react-query';
import type { LedgerHeadResponse } from '../../api/health.js';
import { formatInstant } from '../format/format-time.js';
import { getJson } from '../http/api-client.js';
import { describeError } from '../http/api-error.js';
import { Notice, Spinner } from '../ui/notice.js';
import { VerificationPanel } from './verification-panel.js';

/**
 * The ledger's integrity: the head of the hash chain (what reports cite), and for admins a full
 * verification: the chain recomputed and every derived table compared with a replay.
 */
export function AuditPage() {
  const head = useQuery({
    queryKey: ['ledger', 'head'],
    queryFn: ({ signal }) => getJson<LedgerHeadResponse>('/api/ledger/head', {}, signal),
  });

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
      <VerificationPanel />
    </div>
  );
}
