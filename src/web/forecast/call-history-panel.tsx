import { useQueries } from '@tanstack/react-query';
import { lazy, Suspense, useMemo, useState } from 'react';
import type { CallHistoryResponse } from '../../api/calls.js';
import type { ForecastResponse } from '../../api/forecast.js';
import { formatMoney } from '../format/format-money.js';
import { formatInstant } from '../format/format-time.js';
import { getJson } from '../http/api-client.js';
import { describeError } from '../http/api-error.js';
import { Notice, Spinner } from '../ui/notice.js';
import type { CandorWeek } from './call-history-chart.js';
import { useCallHistory, useCandorForecast } from './forecast-queries.js';
import { formatShare } from './signed-money.js';

const CallHistoryChart = lazy(() =>
  import('./call-history-chart.js').then((m) => ({ default: m.CallHistoryChart })),
);

/** One person's calls for the period, week by week, as a chart and a table, with downloads. */
export function CallHistoryPanel({ period, userId }: { period: string; userId: string | null }) {
  const history = useCallHistory(period, userId);
  const data = history.data;
  // One forecast per week is a simulation each: they run only when asked for.
  const [withCandor, setWithCandor] = useState(false);
  const candor = useCandorWeeks(period, userId, withCandor ? data : undefined);

  return (
    <section className="panel" aria-label="Call history">
      <div className="panel-head">
        <h2 className="panel-title">{data ? `${data.name}: calls week by week` : 'Calls week by week'}</h2>
        {data ? (
          <span className="button-row">
            <a className="button button-small" href={exportHref(period, data.userId, 'csv')} download>
              CSV
            </a>
            <a className="button button-small" href={exportHref(period, data.userId, 'xlsx')} download>
              XLSX
            </a>
          </span>
        ) : null}
      </div>
      {history.isError ? <Notice tone="error">{describeError(history.error)}</Notice> : null}
      {history.isPending ? <Spinner label="Reading the calls…" /> : null}
      {data ? (
        <>
          <p className="muted">
            {data.periodClosed ? 'Closed' : 'Won so far'}: {formatMoney(data.actual, data.currency)}
            {candor.length === 0 ? '' : " · Candor's range as of each due time"}{' '}
            {withCandor ? null : (
              <button type="button" className="link-button" onClick={() => setWithCandor(true)}>
                Add Candor&apos;s range
              </button>
            )}
          </p>
          <Suspense fallback={<div className="chart-placeholder" />}>
            <CallHistoryChart history={data} candor={candor} />
          </Suspense>
          <HistoryTable history={data} />
        </>
      ) : null}
    </section>
  );
}

function HistoryTable({ history }: { history: CallHistoryResponse }) {
  const money = (amount: string | null) => formatMoney(amount, history.currency);
  return (
    <div className="table-scroll table-scroll-auto">
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">Week</th>
            <th scope="col">Due</th>
            <th scope="col" className="num">
              Commit call
            </th>
            <th scope="col" className="num">
              Best case call
            </th>
            <th scope="col" className="num">
              Roll-up at due time
            </th>
            <th scope="col" className="num">
              Accuracy
            </th>
            <th scope="col">Reason / note</th>
          </tr>
        </thead>
        <tbody>
          {history.weeks.map((week) => (
            <tr key={week.week}>
              <td>
                W{week.week}{' '}
                {week.frozen ? (
                  <span className="badge badge-note">frozen</span>
                ) : (
                  <span className="badge badge-ok">open</span>
                )}
              </td>
              <td>{formatInstant(week.dueAt)}</td>
              <td className="num">
                {week.call ? money(week.call.commit) : <span className="muted">no call</span>}
              </td>
              <td className="num">{week.call ? money(week.call.bestCase) : '—'}</td>
              <td className="num">{money(week.rollupCommit)}</td>
              <td className="num">{formatShare(week.accuracy)}</td>
              <td className="call-reason">
                {week.call ? [week.call.reason, week.call.note].filter(Boolean).join(' · ') : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function exportHref(period: string, userId: string, format: 'csv' | 'xlsx'): string {
  return `/api/calls/export?${new URLSearchParams({ period, user: userId, format }).toString()}`;
}

/**
 * Candor's forecast for the person as of each due time, when the server has a forecast: one probe
 * first, then one request per week that has begun.
 */
function useCandorWeeks(
  period: string,
  userId: string | null,
  history: CallHistoryResponse | undefined,
): CandorWeek[] {
  const owner = history?.userId ?? userId;
  const probe = useCandorForecast(period, { owner }, null, history !== undefined);
  const enabled = probe.isSuccess && history !== undefined;
  const weeks = history?.weeks ?? [];
  const results = useQueries({
    queries: weeks.map((week) => ({
      queryKey: ['forecast', period, null, owner, week.frozen ? week.dueAt : null],
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        getJson<ForecastResponse>(
          '/api/forecast',
          { period, owner, asOf: week.frozen ? week.dueAt : null },
          signal,
        ),
      enabled,
      retry: false,
      staleTime: 5 * 60_000,
    })),
  });
  const values = results.map((r) =>
    r.data ? { p10: Number(r.data.p10), p50: Number(r.data.p50), p90: Number(r.data.p90) } : null,
  );
  const key = JSON.stringify(values);
  // A stable array for the chart's effect: only a changed figure redraws it.
  return useMemo(() => (enabled ? (JSON.parse(key) as CandorWeek[]) : []), [enabled, key]);
}
