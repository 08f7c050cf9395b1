import { lazy, Suspense, useMemo, useState } from 'react';
import type { BacktestMethodName, BacktestResponse } from '../../api/backtest.js';
import { formatMoney } from '../format/format-money.js';
import { describeError } from '../http/api-error.js';
import { ExportLinks } from '../ui/export-links.js';
import { Notice, Spinner } from '../ui/notice.js';
import type { CalibrationSeries } from './calibration-chart.js';
import { useBacktest } from './accuracy-queries.js';

const CalibrationChart = lazy(() =>
  import('./calibration-chart.js').then((m) => ({ default: m.CalibrationChart })),
);

const methodNames: Record<BacktestMethodName, string> = {
  candor: "Candor's forecast",
  'stage-weighted': 'Stage-weighted pipeline',
  'commit-plus-closed': 'Commit + closed',
  'submitted-call': 'Submitted call',
};

/**
 * The backtest of the last four completed quarters (GET /api/backtest): each method's errors over
 * every week of those quarters, and the calibration of per-deal win probabilities. Shown to those
 * who read the whole organisation; the first look at a new ledger takes seconds.
 */
export function BacktestPanel() {
  // Replaying the ledger holds the server for seconds (minutes on a very large ledger): only on request.
  const [asked, setAsked] = useState(false);
  const backtest = useBacktest(asked);
  const data = backtest.data;
  const series = useMemo(() => calibrationSeries(data), [data]);
  return (
    <>
      <section className="panel" aria-label="Backtest">
        <div className="panel-head">
          <h2 className="panel-title">Backtest</h2>
          <span className="muted">
            {data
              ? `Every week of ${data.periods.map((p) => p.period).join(', ')} replayed from the ledger as it stood then · ${data.methodVersion}`
              : 'Replaying the last four completed quarters week by week'}
          </span>
          {data ? (
            <ExportLinks path="/api/backtest/export" query={{}} what="the backtest, week by week" />
          ) : null}
        </div>
        {!asked ? (
          <div className="button-row">
            <button type="button" className="button" onClick={() => setAsked(true)}>
              Run the backtest
            </button>
            <span className="muted">
              Replays the ledger week by week: seconds on the first run, then kept until the ledger changes.
            </span>
          </div>
        ) : null}
        {backtest.isError ? <Notice tone="error">{describeError(backtest.error)}</Notice> : null}
        {asked && backtest.isPending ? (
          <Spinner label="Replaying the ledger week by week (this takes a few seconds)…" />
        ) : null}
        {data ? <BacktestTable report={data} /> : null}
      </section>
      {data && series.length > 0 ? (
        <section className="panel" aria-label="Calibration">
          <div className="panel-head">
            <h2 className="panel-title">Calibration of win probabilities</h2>
            <span className="muted">
              Open deals each backtested week, by tenth of predicted probability, against how many won in the
              quarter
            </span>
          </div>
          <Suspense fallback={<div className="chart-placeholder" />}>
            <CalibrationChart series={series} />
          </Suspense>
        </section>
      ) : null}
    </>
  );
}

function BacktestTable({ report }: { report: BacktestResponse }) {
  const methods = (Object.keys(methodNames) as BacktestMethodName[]).filter(
    (m) => report.summary[m].forecasts > 0,
  );
  return (
    <div className="table-scroll table-scroll-auto">
      <table className="data-table call-grid" data-testid="backtest-summary">
        <thead>
          <tr>
            <th scope="col">Method</th>
            <th scope="col" className="num" title="Σ|forecast − actual| / Σ actual">
              WAPE
            </th>
            <th scope="col" className="num" title="Σ(forecast − actual) / Σ actual; negative: under-forecast">
              Bias
            </th>
            <th scope="col" className="num">
              Within ±10 %
            </th>
            <th
              scope="col"
              className="num"
              title="Share of weeks whose actual fell inside P10–P90 (80 % is ideal)"
            >
              P10–P90 coverage
            </th>
            <th scope="col" className="num" title="Per-deal Brier score (0 is perfect, 0.25 a coin toss)">
              Brier
            </th>
            <th scope="col" className="num">
              Weeks
            </th>
          </tr>
        </thead>
        <tbody>
          {methods.map((m) => {
            const s = report.summary[m];
            return (
              <tr key={m} className="call-row" data-testid={`backtest-${m}`}>
                <td className="call-who">{methodNames[m]}</td>
                <td className="num">{formatPercent(s.wape)}</td>
                <td className="num">{formatSignedShare(s.bias)}</td>
                <td className="num">{formatPercent(s.within10)}</td>
                <td className="num">{formatPercent(s.coverage)}</td>
                <td className="num">{s.brier === null ? '—' : s.brier.toFixed(3)}</td>
                <td className="num">{s.forecasts}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="muted">
        Actuals:{' '}
        {report.periods
          .map(
            (p) =>
              `${p.period} ${formatMoney(p.actual, report.currency)}${p.backdated.deals > 0 ? ` (${p.backdated.deals} backdated)` : ''}`,
          )
          .join(' · ')}
      </p>
      {report.notes.map((note) => (
        <p key={note} className="muted">
          {note}
        </p>
      ))}
    </div>
  );
}

function calibrationSeries(report: BacktestResponse | undefined): CalibrationSeries[] {
  if (!report) return [];
  const series: CalibrationSeries[] = [];
  if (report.reliability.candor) series.push({ name: methodNames.candor, bins: report.reliability.candor });
  const stage = report.reliability['stage-weighted'];
  if (stage) series.push({ name: methodNames['stage-weighted'], bins: stage });
  return series.filter((s) => s.bins.some((b) => b.deals > 0));
}

/** A signed share to a tenth of a point: −2.9 %, +21.8 %. */
function formatSignedShare(share01: number | null): string {
  if (share01 === null) return '—';
  const rounded = Math.round(share01 * 1000) / 10;
  return `${rounded > 0 ? '+' : rounded < 0 ? '−' : ''}${Math.abs(rounded)} %`;
}

/** A share to a tenth of a point: 8.1 %. */
function formatPercent(share01: number | null): string {
  return share01 === null ? '—' : `${(Math.round(share01 * 1000) / 10).toFixed(1)} %`;
}
