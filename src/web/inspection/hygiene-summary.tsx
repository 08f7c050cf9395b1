import type { HygieneReportResponse } from '../../api/hygiene.js';
import { formatMoney } from '../format/format-money.js';
import { ExportLinks } from '../ui/export-links.js';
import { ScoreTrendChart } from './score-trend-chart.js';

const categories = ['Commit', 'Best Case', 'Pipeline'] as const;

type HygieneSummaryProps = {
  report: HygieneReportResponse;
  /** The query the report was read with, for the scores' export links. */
  exportQuery: Record<string, string | undefined>;
};

/** The team's hygiene score with its trend, and the pipeline as reported beside hygiene-adjusted. */
export function HygieneSummary({ report, exportQuery }: HygieneSummaryProps) {
  const money = (amount: string) => formatMoney(amount, report.currency, { compact: true });
  const { pipeline, forecast } = report;
  return (
    <div className="inspection-summary">
      <section className="panel" aria-labelledby="score-title">
        <div className="panel-head">
          <h2 id="score-title" className="panel-title">
            Hygiene score
          </h2>
          <ExportLinks path="/api/hygiene/scores/export" query={exportQuery} what="hygiene scores" />
        </div>
        <p className="hygiene-score" data-testid="hygiene-score">
          {report.scores.total.score === null ? '—' : report.scores.total.score.toFixed(1)}
          <span className="muted"> / 100</span>
        </p>
        <p className="muted">
          Share of open pipeline value free of flags, weighted by severity: {report.scores.total.flaggedDeals}{' '}
          of {report.scores.total.openDeals} open deals flagged.
        </p>
        <ScoreTrendChart trend={report.trend} />
        <table className="data-table">
          <thead>
            <tr>
              <th>Rep</th>
              <th className="num">Score</th>
              <th className="num">Flagged</th>
            </tr>
          </thead>
          <tbody>
            {report.scores.owners.map((o) => (
              <tr key={o.owner}>
                <td>{o.ownerName}</td>
                <td className="num">{o.score === null ? '—' : o.score.toFixed(1)}</td>
                <td className="num">
                  {o.flaggedDeals}/{o.openDeals}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="panel" aria-labelledby="adjusted-title">
        <h2 id="adjusted-title" className="panel-title">
          {pipeline.period}: as reported and hygiene-adjusted
        </h2>
        <table className="data-table" data-testid="adjusted-pipeline">
          <thead>
            <tr>
              <th>Category</th>
              <th className="num">Reported</th>
              <th className="num">Adjusted</th>
            </tr>
          </thead>
          <tbody>
            {categories.map((c) => (
              <tr key={c}>
                <td>{c}</td>
                <td className="num">
                  {money(pipeline.reported[c].amount)}{' '}
                  <span className="muted">({pipeline.reported[c].deals})</span>
                </td>
                <td className="num">
                  {money(pipeline.adjusted[c].amount)}{' '}
                  <span className="muted">({pipeline.adjusted[c].deals})</span>
                </td>
              </tr>
            ))}
            {forecast?.available ? (
              <>
                <tr>
                  <td>Candor forecast (expected)</td>
                  <td className="num">{money(forecast.expected)}</td>
                  <td className="num">{money(forecast.adjusted.expected)}</td>
                </tr>
                <tr data-testid="forecast-band">
                  <td>
                    <abbr title="Candor's forecast: 1 chance in 10 of less, 1 in 10 of more">P10–P90</abbr>
                  </td>
                  <td className="num">
                    {money(forecast.p10)} – {money(forecast.p90)}
                  </td>
                  <td className="num">
                    {money(forecast.adjusted.p10)} – {money(forecast.adjusted.p90)}
                  </td>
                </tr>
              </>
            ) : null}
          </tbody>
        </table>
        <p className="muted">
          Stale deals (a high-severity flag) are left out of the adjusted figures:{' '}
          {money(pipeline.difference)} in all.
        </p>
        {pipeline.byRule.length > 0 ? (
          <ul className="hygiene-why">
            {pipeline.byRule.map((r) => (
              <li key={r.rule}>
                <code>{r.rule}</code>: {r.deals} deal{r.deals === 1 ? '' : 's'}, {money(r.amount)}
              </li>
            ))}
          </ul>
        ) : null}
        {forecast?.available ? (
          <p className="muted">
            The adjusted forecast is computed again without the stale deals, so its range is simulated afresh
            rather than shifted.
          </p>
        ) : null}
        {forecast && !forecast.available ? <p className="muted">Forecast: {forecast.reason}</p> : null}
      </section>
    </div>
  );
}
