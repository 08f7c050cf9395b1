import { describeError } from '../http/api-error.js';
import { formatDay, formatInstant } from '../format/format-time.js';
import { Notice, Spinner } from '../ui/notice.js';
import { DealHygieneChart } from './deal-hygiene-chart.js';
import { useDealHygiene } from './deal-hygiene-query.js';
import { DealRiskSummary } from './deal-risk-summary.js';

/**
 * The deal's inspection: its risk and hygiene flags with evidence, its close date and amount over
 * time, its days in each stage against the organisation's usual, and its latest activities.
 */
export function DealHygiene({ id, asOf }: { id: string; asOf: string | null }) {
  const hygiene = useDealHygiene(id, asOf);
  return (
    <section className="panel" aria-labelledby="deal-hygiene-title" data-testid="deal-hygiene">
      <h2 id="deal-hygiene-title" className="panel-title">
        Inspection
      </h2>
      {hygiene.isPending ? <Spinner label="Checking the deal’s hygiene…" /> : null}
      {hygiene.isError ? <Notice tone="error">{describeError(hygiene.error)}</Notice> : null}
      {hygiene.data ? (
        <div className="page-stack">
          <DealRiskSummary hygiene={hygiene.data} />
          <DealHygieneChart hygiene={hygiene.data} />
          <table className="data-table hygiene-stays">
            <caption className="muted">Days in each stage against this organisation’s usual</caption>
            <thead>
              <tr>
                <th>Stage</th>
                <th>Entered</th>
                <th className="num">Days</th>
                <th className="num">Usual (median)</th>
                <th className="num">Stuck after</th>
              </tr>
            </thead>
            <tbody>
              {hygiene.data.stays.map((stay) => {
                const over = stay.limitDays !== null && stay.leftAt === null && stay.days > stay.limitDays;
                return (
                  <tr key={stay.enteredAt} className={over ? 'is-over' : undefined}>
                    <td>{stay.stage}</td>
                    <td>{formatDay(stay.enteredAt.slice(0, 10))}</td>
                    <td className="num">
                      {stay.days}
                      {stay.leftAt === null ? ' so far' : ''}
                    </td>
                    <td className="num">{stay.usualDays ?? '—'}</td>
                    <td className="num">{stay.limitDays ?? '—'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <div>
            <h3 className="hygiene-subtitle">Latest activities</h3>
            {hygiene.data.activities.length === 0 ? (
              <p className="muted">No activity logged against this deal.</p>
            ) : (
              <ul className="hygiene-activities">
                {hygiene.data.activities.map((a) => (
                  <li key={`${a.occurredAt}-${a.subject}`}>
                    <span className="badge badge-note">{a.type}</span> {a.subject}{' '}
                    <span className="muted">{formatInstant(a.occurredAt)}</span>
                  </li>
                ))}
              </ul>
            )}
          </div>
        </div>
      ) : null}
    </section>
  );
}
