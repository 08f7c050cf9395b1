import { useState } from 'react';
import { insightTypeLabels, insightTypeValues, type InsightSummaryView } from '../../api/insights.js';
import { useTeamOptions } from '../deals/team-options.js';
import { formatMoney } from '../format/format-money.js';
import { toQuery } from '../http/api-client.js';
import { describeError } from '../http/api-error.js';
import { useSession } from '../session/session-context.js';
import { ExportLinks } from '../ui/export-links.js';
import { Notice, Spinner } from '../ui/notice.js';
import { useView } from '../view/use-view.js';
import { InsightForm } from './insight-form.js';
import { InsightList } from './insight-list.js';
import { insightListLimit, useInsights, useInsightSummary } from './insight-queries.js';
import './insights.css';

/** Voice of the customer: what we win and lose against whom, why, what is asked for, what hurts. */
export function InsightsPage() {
  const view = useView();
  const session = useSession();
  const teams = useTeamOptions();
  const [segment, setSegment] = useState('');
  const [teamId, setTeamId] = useState('');
  const summary = useInsightSummary({ period: view.period, segment, teamId });
  const latest = useInsights({});
  const report = summary.data;
  const exportQuery = toQuery({ period: view.period, segment, teamId });

  return (
    <div className="page-stack">
      <title>{`Customer voice ${view.period} · Candor`}</title>
      <header className="page-header">
        <div>
          <h1>Customer voice {view.period}</h1>
          <p className="page-subtitle">
            {report ? `Revenue at stake in ${report.currency} · ` : ''}
            {session.scope.description}
          </p>
        </div>
        <div className="button-row">
          <a className="button" href={`/api/insights/digest.md${exportQuery}`}>
            Digest (Markdown)
          </a>
          <a className="button button-quiet" href={`/api/insights/digest.csv${exportQuery}`}>
            CSV
          </a>
        </div>
      </header>

      <form className="panel insight-filters" onSubmit={(e) => e.preventDefault()} aria-label="Filters">
        <label className="compact-field">
          <span>Segment</span>
          <select value={segment} onChange={(e) => setSegment(e.target.value)}>
            <option value="">All segments</option>
            {(report?.segments ?? []).map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label className="compact-field">
          <span>Team</span>
          <select value={teamId} onChange={(e) => setTeamId(e.target.value)}>
            <option value="">All teams</option>
            {teams.map((t) => (
              <option key={t.id} value={t.id}>
                {t.label}
              </option>
            ))}
          </select>
        </label>
      </form>

      {summary.isError ? <Notice tone="error">{describeError(summary.error)}</Notice> : null}
      {summary.isPending ? <Spinner label="Listening…" /> : null}
      {report ? <Summary report={report} stale={summary.isPlaceholderData} /> : null}

      <section className="panel" aria-labelledby="capture-title">
        <div className="panel-head">
          <h2 id="capture-title" className="panel-title">
            Latest insights
          </h2>
          {latest.data ? (
            <ExportLinks
              path="/api/insights/export"
              query={{ limit: insightListLimit }}
              what={`the latest ${insightListLimit} insights`}
            />
          ) : null}
        </div>
        {session.can.forecast ? <InsightForm /> : null}
        {latest.data ? <InsightList insights={latest.data.insights.slice(0, 15)} showSubject /> : <Spinner />}
      </section>
    </div>
  );
}

function Summary({ report, stale }: { report: InsightSummaryView; stale: boolean }) {
  const money = (amount: string) => formatMoney(amount, report.currency, { compact: true });
  const lostTotal = report.lossReasons.reduce((sum, l) => sum + Number(l.lost), 0);
  return (
    <div className={`page-stack${stale ? ' is-stale' : ''}`}>
      <section className="category-cards insight-cards" aria-label="Insights captured">
        {insightTypeValues.map((type) => (
          <div key={type} className="stat-card">
            <span className="stat-label">{insightTypeLabels[type]}</span>
            <span className="stat-value">{report.counts[type]}</span>
          </div>
        ))}
      </section>
      {report.lostWithoutReason > 0 ? (
        <Notice tone="warning">
          {report.lostWithoutReason} deal{report.lostWithoutReason === 1 ? '' : 's'} lost in {report.period}{' '}
          had no loss reason (imported that way): they appear as “(no reason recorded)”.
        </Notice>
      ) : null}
      <div className="insight-columns">
        <section className="panel" aria-labelledby="competitors-title">
          <h2 id="competitors-title" className="panel-title">
            Against each competitor
          </h2>
          <Table
            head={['Competitor', 'Won', 'Lost', 'Win rate', 'Open pipeline', 'Mentions']}
            rows={report.competitors.map((c) => [
              c.competitor,
              money(c.won),
              money(c.lost),
              c.winRate === null ? '–' : `${Math.round(c.winRate * 100)} %`,
              money(c.open),
              String(c.mentions),
            ])}
          />
        </section>
        <section className="panel" aria-labelledby="loss-title">
          <h2 id="loss-title" className="panel-title">
            Loss reasons by value
          </h2>
          {report.lossReasons.length === 0 ? <p className="muted">No deal lost in this period.</p> : null}
          <ul className="bar-list">
            {report.lossReasons.map((l) => (
              <li key={l.reason}>
                <span className="bar-label">
                  {l.reason} <span className="muted">({l.deals})</span>
                </span>
                <span className="bar-track">
                  <span
                    className="bar-fill"
                    style={{ width: `${lostTotal ? (Number(l.lost) / lostTotal) * 100 : 0}%` }}
                  />
                </span>
                <span className="bar-value">{money(l.lost)}</span>
              </li>
            ))}
          </ul>
        </section>
      </div>
      <div className="insight-columns">
        <section className="panel" aria-labelledby="requests-title">
          <h2 id="requests-title" className="panel-title">
            Feature requests by the pipeline asking
          </h2>
          <Table
            head={['Request', 'Requests', 'Accounts', 'Open deals', 'Open pipeline']}
            rows={report.featureRequests.map((f) => [
              f.topic,
              String(f.requests),
              String(f.accounts),
              String(f.openDeals),
              money(f.open),
            ])}
          />
        </section>
        <section className="panel" aria-labelledby="service-title">
          <h2 id="service-title" className="panel-title">
            Service and billing problems
          </h2>
          <Table
            head={['Problem', 'Reports', 'Accounts', 'Worst', 'Pipeline at risk']}
            rows={report.serviceProblems.map((s) => [
              s.topic,
              String(s.reports),
              String(s.accounts),
              s.highestSeverity,
              money(s.open),
            ])}
          />
        </section>
      </div>
      <section className="panel" aria-labelledby="trend-title">
        <h2 id="trend-title" className="panel-title">
          Trend
        </h2>
        <Table
          head={[
            'Period',
            'Competitor mentions',
            'Feature requests',
            'Service problems',
            'Lost deals',
            'Lost value',
            'Lost to competition',
          ]}
          rows={report.trends.map((t) => [
            t.period,
            String(t.counts['competitor-mention']),
            String(t.counts['feature-request']),
            String(t.counts['service-problem']),
            String(t.lostDeals),
            money(t.lost),
            money(t.lostToCompetition),
          ])}
        />
      </section>
    </div>
  );
}

function Table({ head, rows }: { head: string[]; rows: string[][] }) {
  if (rows.length === 0) return <p className="muted">Nothing in this period.</p>;
  return (
    <div className="table-scroll table-scroll-auto">
      <table className="data-table">
        <thead>
          <tr>
            {head.map((h, i) => (
              <th key={h} scope="col" className={i === 0 ? undefined : 'col-amount'}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row[0]}>
              {row.map((cell, i) =>
                i === 0 ? (
                  <th key={i} scope="row">
                    {cell}
                  </th>
                ) : (
                  <td key={i} className="col-amount">
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
