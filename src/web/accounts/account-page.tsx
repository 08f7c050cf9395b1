import { Link, useParams } from 'react-router';
import { useAccountOverview } from '../engagement/engagement-queries.js';
import { formatInstant } from '../format/format-time.js';
import { describeError, isApiError } from '../http/api-error.js';
import { DealInsights } from '../insights/deal-insights.js';
import { ExportLinks } from '../ui/export-links.js';
import { EmptyState, Notice, Spinner } from '../ui/notice.js';
import { useView } from '../view/use-view.js';

/** One account: its place in the executive programme, its meetings and its customer voice. */
export function AccountPage() {
  const { id = '' } = useParams();
  const view = useView();
  const account = useAccountOverview(id);
  const back = (
    <Link to={view.carry('/engagement')} className="back-link">
      ← Engagement
    </Link>
  );
  if (account.isPending) return <Spinner label="Loading the account…" />;
  if (account.isError) {
    return (
      <div className="page-stack">
        {back}
        {isApiError(account.error) && account.error.status === 404 ? (
          <EmptyState title="No such account here">
            Either it does not exist, or none of its deals is yours to see.
          </EmptyState>
        ) : (
          <Notice tone="error">{describeError(account.error)}</Notice>
        )}
      </div>
    );
  }
  const a = account.data;
  return (
    <div className="page-stack">
      <title>{`${a.name} · Candor`}</title>
      {back}
      <header className="deal-header panel">
        <div className="deal-header-main">
          <h1>{a.name}</h1>
          <p className="page-subtitle">
            {a.segment ?? 'no segment'} · {a.industry ?? 'no industry'}
          </p>
        </div>
        <div className="deal-header-badges">
          {a.programme?.strategicTag ? <span className="badge badge-note">strategic</span> : null}
          {a.programme ? <span className="badge">{a.programme.cadence} reviews</span> : null}
        </div>
      </header>
      <div className="deal-columns">
        <section className="panel" aria-labelledby="meetings-title">
          <div className="panel-head">
            <h2 id="meetings-title" className="panel-title">
              Meetings
            </h2>
            <ExportLinks
              path={`/api/accounts/${encodeURIComponent(a.id)}/export`}
              query={{}}
              what="the account's meetings"
            />
          </div>
          {a.meetings.length === 0 ? <p className="muted">No meeting logged.</p> : null}
          <ul className="insight-list">
            {a.meetings.map((m) => (
              <li key={m.id} className="insight">
                <div className="insight-head">
                  <strong>{m.title}</strong>
                  <span className="badge">{m.planned ? 'planned' : 'unplanned'}</span>
                  <span className="badge badge-note">{m.status}</span>
                  <span className="muted">{formatInstant(m.startsAt)}</span>
                </div>
                {m.dealName ? <p>Deal: {m.dealName}</p> : null}
                {m.outcome ? <p>Outcome: {m.outcome}</p> : null}
                {m.nextSteps ? <p>Next steps: {m.nextSteps}</p> : null}
              </li>
            ))}
          </ul>
        </section>
        <DealInsights accountId={a.id} />
      </div>
    </div>
  );
}
