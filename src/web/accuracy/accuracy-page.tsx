import { lazy, Suspense, useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { TrackRecordsResponse } from '../../api/calls.js';
import { formatMoney } from '../format/format-money.js';
import { describeError } from '../http/api-error.js';
import { ExportLinks } from '../ui/export-links.js';
import { EmptyState, Notice, Spinner } from '../ui/notice.js';
import { formatShare } from '../forecast/signed-money.js';
import type { AccuracyLine } from './accuracy-chart.js';
import { useTrackRecords } from './accuracy-queries.js';
import { BacktestPanel } from './backtest-panel.js';
import { TeamRecordsTable } from './team-records-table.js';
import { useSession } from '../session/session-context.js';
import '../forecast/forecast.css';

const AccuracyChart = lazy(() => import('./accuracy-chart.js').then((m) => ({ default: m.AccuracyChart })));

type Person = TrackRecordsResponse['people'][number];
type CandorRecord = TrackRecordsResponse['candorForecast'];

/**
 * The Accuracy page: each person's forecast track record over closed quarters (accuracy by week of
 * the period, bias shrunk toward the team, how often Commit deals closed, whether a manager's own
 * call beat the sum of the team's), grouped by team, with accuracy by week as a chart.
 */
export function AccuracyPage() {
  const records = useTrackRecords();
  // The backtest scores the whole organisation: only those who read everything are shown it.
  const readsEverything = useSession().scope.kind === 'everything';
  const data = records.data;
  const [selected, setSelected] = useState<string | null>(null);
  const scored = useMemo(() => data?.people.filter((p) => p.periods > 0) ?? [], [data]);
  const lines = useMemo(
    () => [...chartLines(scored, selected), ...candorLine(data?.candorForecast)],
    [scored, selected, data],
  );

  return (
    <div className="page-stack">
      <header className="page-header">
        <div>
          <h1>Forecast accuracy</h1>
          <p className="page-subtitle">
            {data
              ? `Calls scored at period close over ${data.periods.join(', ') || 'no closed quarter yet'} · accuracy = 1 − |actual − call| / actual`
              : 'Calls scored at period close'}
          </p>
        </div>
      </header>
      {records.isError ? <Notice tone="error">{describeError(records.error)}</Notice> : null}
      {records.isPending ? <Spinner label="Scoring the calls…" /> : null}
      {data && scored.length === 0 ? (
        <EmptyState title="No scored calls yet">
          Track records appear once a quarter with calls has closed and something closed in it.
        </EmptyState>
      ) : null}
      {scored.length > 0 || (data?.candorForecast.scored ?? 0) > 0 ? (
        <section className="panel" aria-label="Accuracy by week of the period">
          <div className="panel-head">
            <h2 className="panel-title">Accuracy by week of the period</h2>
            <span className="muted">
              Everyone's average
              {selected ? ' and the person picked below' : '; pick a person below to compare'}
            </span>
          </div>
          <Suspense fallback={<div className="chart-placeholder" />}>
            <AccuracyChart lines={lines} />
          </Suspense>
        </section>
      ) : null}
      {data && (data.people.length > 0 || data.candorForecast.scored > 0) ? (
        <section className="panel" aria-label="Track records">
          <div className="panel-head">
            <h2 className="panel-title">Track records</h2>
            <span className="muted">
              Bias is shrunk toward the team's until four quarters exist: w = min(n, 4) / 4, bias = w·own + (1
              − w)·team
            </span>
            <ExportLinks path="/api/calls/track-records/export" query={{}} what="the track records" />
          </div>
          <TrackRecordTable
            candor={data.candorForecast}
            people={data.people}
            currency={data.currency}
            selected={selected}
            onSelect={setSelected}
          />
        </section>
      ) : null}
      {data && data.teams.some((t) => t.call.periods > 0) ? (
        <section className="panel" aria-label="Team track records">
          <div className="panel-head">
            <h2 className="panel-title">Teams: the leader's call against the members' sum</h2>
            <span className="muted">Both scored against what the team and the teams below it closed</span>
          </div>
          <TeamRecordsTable teams={data.teams} />
        </section>
      ) : null}
      {readsEverything ? <BacktestPanel /> : null}
    </div>
  );
}

function TrackRecordTable(props: {
  candor: CandorRecord;
  people: readonly Person[];
  currency: string;
  selected: string | null;
  onSelect: (userId: string) => void;
}) {
  return (
    <div className="table-scroll table-scroll-auto">
      <table className="data-table call-grid">
        <thead>
          <tr>
            <th scope="col">Person</th>
            <th scope="col">Team</th>
            <th scope="col" className="num">
              Quarters
            </th>
            <th scope="col" className="num">
              Accuracy
            </th>
            <th scope="col" className="num">
              Week 1
            </th>
            <th scope="col" className="num">
              Last week
            </th>
            <th scope="col" className="num">
              Bias
            </th>
            <th
              scope="col"
              className="num"
              title="Deals in Commit at a due time that closed won in the period"
            >
              Commit closed
            </th>
            <th
              scope="col"
              className="num"
              title="Weeks the manager's own call beat (or lost to) the sum of the team's calls"
            >
              Overrides +/−
            </th>
          </tr>
        </thead>
        <tbody>
          {props.candor.scored > 0 ? <CandorRow record={props.candor} /> : null}
          {props.people.map((p) => (
            <tr
              key={p.userId}
              className={`call-row${p.userId === props.selected ? ' is-selected' : ''}`}
              data-testid={`record-${p.userId}`}
            >
              <td className="call-who">
                <button type="button" className="link-button" onClick={() => props.onSelect(p.userId)}>
                  {p.name}
                </button>{' '}
                <span className="muted">{p.role}</span>
              </td>
              <td>{p.teamName ?? '—'}</td>
              <td className="num">{p.periods}</td>
              <td className="num">{formatShare(p.meanAccuracy01)}</td>
              <td className="num">{formatShare(p.accuracyByWeek[0]?.accuracy01 ?? null)}</td>
              <td className="num">{formatShare(p.accuracyByWeek.at(-1)?.accuracy01 ?? null)}</td>
              <td className="num">
                <Bias person={p} />
              </td>
              <td
                className="num"
                title={`${formatMoney(p.commitHitRate.wonAmount, props.currency)} of ${formatMoney(p.commitHitRate.committedAmount, props.currency)}`}
              >
                {p.commitHitRate.deals === 0
                  ? '—'
                  : `${p.commitHitRate.won}/${p.commitHitRate.deals} · ${formatShare(p.commitHitRate.wonAmountShare01)} of $`}
              </td>
              <td className="num">
                {p.overrides && p.overrides.weeks > 0
                  ? `${p.overrides.better} / ${p.overrides.worse} (${signedPoints(p.overrides.meanAccuracyGain01)})`
                  : '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">
        Open a person's weekly calls on the <Link to="/forecast">Forecast</Link> page (History).
      </p>
    </div>
  );
}

/**
 * Candor's own stored forecasts of the caller's whole scope, scored like the calls: the latest of each
 * week against what closed; the Commit column holds how often its P10–P90 held the actual.
 */
function CandorRow({ record }: { record: CandorRecord }) {
  return (
    <tr className="call-row" data-testid="record-candor-forecast">
      <td className="call-who">
        Candor's forecast <span className="muted">model</span>
      </td>
      <td>Your scope</td>
      <td className="num">{record.periods}</td>
      <td
        className="num"
        title={record.accuracyByWeek.map((w) => `week ${w.week}: ${formatShare(w.accuracy01)}`).join(', ')}
      >
        {formatShare(record.meanAccuracy01)}
      </td>
      <td className="num">{formatShare(record.accuracyByWeek[0]?.accuracy01 ?? null)}</td>
      <td className="num">{formatShare(record.accuracyByWeek.at(-1)?.accuracy01 ?? null)}</td>
      <td className="num">{formatSigned(record.bias01)}</td>
      <td className="num" title="Share of scored forecasts whose P10–P90 range held what closed">
        {`P10–P90 held ${formatShare(record.coverage01)}`}
      </td>
      <td className="num">—</td>
    </tr>
  );
}

function candorLine(record: CandorRecord | undefined): AccuracyLine[] {
  if (!record || record.accuracyByWeek.length === 0) return [];
  return [
    {
      name: "Candor's forecast",
      byWeek: record.accuracyByWeek,
    },
  ];
}

function Bias({ person }: { person: Person }) {
  if (person.bias01 === null) return <span className="muted">—</span>;
  const label = person.bias01 < -0.02 ? 'sandbagging' : person.bias01 > 0.02 ? 'over-calling' : 'even';
  const title = `Own ${formatSigned(person.rawBias01)} over ${person.periods} quarter(s), team ${formatSigned(person.teamBias01)}, own weight ${formatShare(person.ownWeight01)}`;
  return (
    <span
      className={
        person.bias01 < -0.02 ? 'accuracy-bias-sandbag' : person.bias01 > 0.02 ? 'accuracy-bias-over' : ''
      }
      title={title}
    >
      {formatSigned(person.bias01)} {label}
    </span>
  );
}

function formatSigned(share01: number | null): string {
  if (share01 === null) return '—';
  const rounded = Math.round(share01 * 1000) / 10;
  return `${rounded > 0 ? '+' : rounded < 0 ? '−' : ''}${Math.abs(rounded)} %`;
}

function signedPoints(share01: number | null): string {
  if (share01 === null) return '—';
  const points = Math.round(share01 * 1000) / 10;
  return `${points > 0 ? '+' : points < 0 ? '−' : ''}${Math.abs(points)} pts`;
}

function chartLines(scored: readonly Person[], selected: string | null): AccuracyLine[] {
  const byWeek = new Map<number, number[]>();
  for (const p of scored)
    for (const w of p.accuracyByWeek) byWeek.set(w.week, [...(byWeek.get(w.week) ?? []), w.accuracy01]);
  const everyone: AccuracyLine = {
    name: 'Everyone (mean)',
    byWeek: [...byWeek]
      .sort((a, b) => a[0] - b[0])
      .map(([week, v]) => ({ week, accuracy01: v.reduce((s, x) => s + x, 0) / v.length })),
  };
  const person = scored.find((p) => p.userId === selected);
  return person ? [everyone, { name: person.name, byWeek: person.accuracyByWeek }] : [everyone];
}
