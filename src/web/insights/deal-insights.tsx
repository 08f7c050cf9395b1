import { useSession } from '../session/session-context.js';
import { ExportLinks } from '../ui/export-links.js';
import { Notice, Spinner } from '../ui/notice.js';
import { InsightForm } from './insight-form.js';
import { InsightList } from './insight-list.js';
import { insightListLimit, useInsights } from './insight-queries.js';
import { describeError } from '../http/api-error.js';
import './insights.css';

/** The customer voice of one deal (or account): its insights and, for the front line, the capture form. */
export function DealInsights({ opportunityId, accountId }: { opportunityId?: string; accountId?: string }) {
  const session = useSession();
  const subject = opportunityId ? { opportunityId } : { accountId };
  const insights = useInsights(subject);
  return (
    <section className="panel" aria-labelledby="insights-title">
      <div className="panel-head">
        <h2 id="insights-title" className="panel-title">
          Customer voice
        </h2>
        {insights.data && insights.data.insights.length > 0 ? (
          <ExportLinks
            path="/api/insights/export"
            query={{ ...subject, limit: insightListLimit }}
            what="the customer voice"
          />
        ) : null}
      </div>
      {session.can.forecast ? (
        <InsightForm opportunityId={opportunityId} accountId={opportunityId ? undefined : accountId} />
      ) : null}
      {insights.isPending ? <Spinner /> : null}
      {insights.isError ? <Notice tone="error">{describeError(insights.error)}</Notice> : null}
      {insights.data ? <InsightList insights={insights.data.insights} /> : null}
    </section>
  );
}
