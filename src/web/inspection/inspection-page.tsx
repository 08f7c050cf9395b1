import { Link } from 'react-router';
import type { InspectionResponse } from '../../api/hygiene.js';
import { formatMoney } from '../format/format-money.js';
import { formatDay } from '../format/format-time.js';
import { describeError } from '../http/api-error.js';
import { ExportLinks } from '../ui/export-links.js';
import { EmptyState, Notice, Spinner } from '../ui/notice.js';
import { useView } from '../view/use-view.js';
import { HygieneSummary } from './hygiene-summary.js';
import { hygieneViewQuery, useHygieneReport, useInspection } from './inspection-queries.js';

const changeLabels: Record<keyof InspectionResponse['summary'], string> = {
  new: 'new',
  advanced: 'advanced',
  'moved-back': 'moved back',
  slipped: 'slipped',
  'pulled-in': 'pulled in',
  'amount-up': 'amount up',
  'amount-down': 'amount down',
  'category-changed': 'category changed',
  won: 'won',
  lost: 'lost',
};

/** Deal inspection for managers: the period's deals of their team by risk, and the week's changes. */
export function InspectionPage() {
  const view = useView();
  const report = useHygieneReport(view.period, view.asOf);
  const inspection = useInspection(view.period, view.asOf);
  const exportQuery = hygieneViewQuery(view.period, view.asOf);
  return (
    <div className="page-stack">
      <title>Inspection · Candor</title>
      <header className="page-header">
        <div>
          <h1>Deal inspection</h1>
          <p className="page-subtitle">
            {view.period}: the deals you may see, riskiest first, and what changed since a week before
            {view.asOf ? ` (as of ${formatDay(view.asOf)}, from what was known then)` : ''}.
          </p>
        </div>
        {report.data ? (
          <div className="page-header-tools">
            <span className="muted">Hygiene flags</span>
            <ExportLinks path="/api/hygiene/export" query={exportQuery} what="hygiene flags" />
          </div>
        ) : null}
      </header>
      {report.isError ? <Notice tone="error">{describeError(report.error)}</Notice> : null}
      {report.data ? (
        <HygieneSummary report={report.data} exportQuery={exportQuery} />
      ) : (
        <Spinner label="Scoring the pipeline…" />
      )}
      <section className="panel" aria-labelledby="inspection-title">
        <div className="panel-head">
          <h2 id="inspection-title" className="panel-title">
            Deals by risk
          </h2>
          {inspection.data ? (
            <ExportLinks path="/api/hygiene/inspection/export" query={exportQuery} what="deals by risk" />
          ) : null}
        </div>
        {inspection.isPending ? <Spinner /> : null}
        {inspection.isError ? <Notice tone="error">{describeError(inspection.error)}</Notice> : null}
        {inspection.data ? (
          <>
            <p className="inspection-changes" data-testid="change-summary">
              {(Object.keys(changeLabels) as (keyof InspectionResponse['summary'])[])
                .filter((k) => (inspection.data.summary[k] ?? 0) > 0)
                .map((k) => (
                  <span key={k} className="badge badge-note">
                    {inspection.data.summary[k]} {changeLabels[k]}
                  </span>
                ))}
            </p>
            {inspection.data.deals.length === 0 ? (
              <EmptyState title="No deals in this period">
                Nothing you may see closes in {view.period}.
              </EmptyState>
            ) : (
              <div className="table-scroll table-scroll-auto">
                <table className="data-table" data-testid="inspection-table">
                  <thead>
                    <tr>
                      <th>Deal</th>
                      <th>Owner</th>
                      <th>Stage</th>
                      <th>Close</th>
                      <th className="num">Amount</th>
                      <th>Risk</th>
                      <th>Flags</th>
                      <th>Since last week</th>
                    </tr>
                  </thead>
                  <tbody>
                    {inspection.data.deals.map((d) => (
                      <tr key={d.deal}>
                        <td>
                          <Link to={view.carry(`/deals/${encodeURIComponent(d.deal)}`)}>{d.dealName}</Link>
                        </td>
                        <td>{d.ownerName ?? '—'}</td>
                        <td>{d.isClosed ? <span className="badge badge-won">{d.stage}</span> : d.stage}</td>
                        <td>{formatDay(d.closeDate)}</td>
                        <td className="num">
                          {d.amount === null ? '—' : formatMoney(d.amount, inspection.data.currency)}
                        </td>
                        <td>
                          <span className={`badge risk-${d.level}`}>{d.level}</span>
                        </td>
                        <td className="inspection-rules">{d.rules.join(', ') || '—'}</td>
                        <td>{d.changes.map((c) => c.text).join('; ') || '—'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </>
        ) : null}
      </section>
    </div>
  );
}
