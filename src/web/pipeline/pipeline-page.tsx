import { lazy, Suspense } from 'react';
import { DealsTable } from '../deals/deals-table.js';
import { formatDay } from '../format/format-time.js';
import { describeError } from '../http/api-error.js';
import { useSession } from '../session/session-context.js';
import { ExportLinks } from '../ui/export-links.js';
import { Notice, Spinner } from '../ui/notice.js';
import { useView } from '../view/use-view.js';
import { CategoryCards } from './category-cards.js';
import { usePipeline } from './pipeline-query.js';

// ECharts is the heaviest library here; it loads after the figures are on screen.
const CategoryChart = lazy(() => import('./category-chart.js').then((m) => ({ default: m.CategoryChart })));

export function PipelinePage() {
  const view = useView();
  const session = useSession();
  const pipeline = usePipeline(view.period, view.asOf);
  const report = pipeline.data;
  // closeTo is exclusive: the last day counted is the day before.
  const lastDay = report
    ? new Date(Date.parse(`${report.closeTo}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10)
    : null;

  return (
    <div className="page-stack">
      <header className="page-header">
        <div>
          <h1>Pipeline {view.period}</h1>
          <p className="page-subtitle">
            {report
              ? `Deals closing ${formatDay(report.closeFrom)} – ${formatDay(lastDay)}`
              : 'Deals closing this quarter'}
            {' · '}
            {session.scope.description}
            {report ? ` · amounts in ${report.currency}` : ''}
          </p>
        </div>
        {report ? (
          <div className="page-header-tools">
            <ExportLinks
              path="/api/pipeline/export"
              query={{ period: view.period, asOf: view.asOf }}
              what="the totals by forecast category"
            />
          </div>
        ) : null}
      </header>
      {pipeline.isError ? <Notice tone="error">{describeError(pipeline.error)}</Notice> : null}
      {pipeline.isPending ? <Spinner label="Adding up the pipeline…" /> : null}
      {report ? (
        <section
          className={`pipeline-overview${pipeline.isPlaceholderData ? ' is-stale' : ''}`}
          aria-label="Totals by forecast category"
        >
          <CategoryCards report={report} />
          <div className="panel chart-panel">
            <h2 className="panel-title">By forecast category</h2>
            <Suspense fallback={<div className="chart-placeholder" />}>
              <CategoryChart report={report} />
            </Suspense>
          </div>
        </section>
      ) : null}
      {report && report.unconverted > 0 ? (
        <Notice tone="warning">
          {report.unconverted} deals are left out of the amounts: their currency has no exchange rate for the
          period. An admin can add one under Admin → Currencies.
        </Notice>
      ) : null}
      <DealsTable />
    </div>
  );
}
