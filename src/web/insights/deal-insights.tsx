import { useSession } from '../session/session-context.js';
import { Notice, Spinner } from '../ui/notice.js';
import { InsightForm } from './insight-form.js';
import { InsightList } from './insight-list.js';
import { useInsights } from './insight-queries.js';
import { describeError } from '../http/api-error.js';
import './insights.css';

/** The customer voice of one deal (or account): its insights and, for the front line, the capture form. */
export function DealInsights({ opportunityId, accountId }: { opportunityId?: string; accountId?: string }) {
  const session = useSession();
  const insights = useInsights(opportunityId ? { opportunityId } : { accountId });
  return (
    <section className="panel" aria-labelledby="insights-title">
      <h2 id="insights-title" className="panel-title">
        Customer voice
      </h2>
      {session.can.forecast ? (
        <InsightForm opportunityId={opportunityId} accountId={opportunityId ? undefined : accountId} />
      ) : null}
      {insights.isPending ? <Spinner /> : null}
      {insights.isError ? <Notice tone="error">{describeError(insights.error)}</Notice> : null}
      {insights.data ? <InsightList insights={insights.data.insights} /> : null}
    </section>
  );
}
