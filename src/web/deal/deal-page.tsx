import { Link, useParams } from 'react-router';
import { useDeal } from '../deals/deal-queries.js';
import { formatDay } from '../format/format-time.js';
import { describeError, isApiError } from '../http/api-error.js';
import { useSession } from '../session/session-context.js';
import { CategoryBadge } from '../ui/category-badge.js';
import { EmptyState, Notice, Spinner } from '../ui/notice.js';
import { useView } from '../view/use-view.js';
import { DealFacts } from './deal-facts.js';
import { DealFields } from './deal-fields.js';
import { DealHygiene } from './deal-hygiene.js';
import { DealTimeline } from './deal-timeline.js';
import { DealInsights } from '../insights/deal-insights.js';

/** One deal: what it is now, its supporting information, and every change the ledger holds. */
export function DealPage() {
  const { id = '' } = useParams();
  const view = useView();
  const session = useSession();
  const deal = useDeal(id, view.isHistory ? view.asOf : null);
  const back = (
    <Link to={view.carry('/deals')} className="back-link">
      ← Deals
    </Link>
  );

  if (deal.isPending) return <Spinner label="Loading the deal…" />;
  if (deal.isError) {
    return (
      <div className="page-stack">
        {back}
        {isApiError(deal.error) && deal.error.status === 404 ? (
          <EmptyState title="No such deal here">
            {view.isHistory && view.asOf
              ? `It did not exist yet on ${formatDay(view.asOf)}, or it is outside what your roles let you see.`
              : 'Either it does not exist, or it is outside what your roles let you see.'}
          </EmptyState>
        ) : (
          <Notice tone="error">{describeError(deal.error)}</Notice>
        )}
      </div>
    );
  }
  const d = deal.data;
  const canEdit = session.can.editDeals && !view.isHistory;

  return (
    <div className="page-stack">
      <title>{`${d.name} · Candor`}</title>
      {back}
      <header className="deal-header panel">
        <div className="deal-header-main">
          <h1>{d.name}</h1>
          <p className="page-subtitle">
            {d.account?.name ?? 'No account'} · owned by {d.owner?.name ?? 'nobody'} · {d.type ?? 'no type'}
          </p>
        </div>
        <div className="deal-header-badges">
          <span className="badge badge-stage">{d.stage}</span>
          <CategoryBadge category={d.forecastCategory} />
          {d.forecastCategoryOverridden ? (
            <span className="badge badge-note">category set by owner</span>
          ) : null}
          {d.isClosed ? (
            <span className={`badge ${d.isWon ? 'badge-won' : 'badge-lost'}`}>
              {d.isWon ? 'Won' : 'Lost'}
            </span>
          ) : null}
          {d.marks.backdatedChanges > 0 ? (
            <span className="badge badge-warn" data-testid="backdated-mark">
              {d.marks.backdatedChanges} backdated {d.marks.backdatedChanges === 1 ? 'change' : 'changes'}
            </span>
          ) : null}
          {d.marks.isLateRecordedClose ? (
            <span className="badge badge-warn" data-testid="late-close-mark">
              close recorded late
            </span>
          ) : null}
        </div>
      </header>
      {view.isHistory && view.asOf ? (
        <Notice tone="info">
          The facts below are the deal as it stood on {formatDay(view.asOf)}, with the changes in effect by
          then. In the timeline, the changes after that day are set apart.
        </Notice>
      ) : null}
      <div className="deal-columns">
        <div className="page-stack">
          <DealFacts deal={d} canEdit={canEdit} />
          <DealFields deal={d} canEdit={canEdit} />
          <DealHygiene id={id} asOf={view.asOf} />
          <DealInsights opportunityId={d.id} />
        </div>
        <DealTimeline deal={d} asOf={view.asOf} />
      </div>
    </div>
  );
}
