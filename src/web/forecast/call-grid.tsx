import { useState } from 'react';
import { Link } from 'react-router';
import type { CallGridResponse, CallGridRowResponse } from '../../api/calls.js';
import { formatExact, formatMoney } from '../format/format-money.js';
import { formatInstant } from '../format/format-time.js';
import { dealsLink } from './deal-links.js';
import { useCandorForecast } from './forecast-queries.js';
import { formatChange } from './signed-money.js';

type GridProps = {
  grid: CallGridResponse;
  /** Whose history is open below the grid. */
  selected: string | null;
  onSelect: (userId: string) => void;
  onOpenTeam: (teamId: string) => void;
};

/**
 * The roll-up grid: each row's latest call beside the bottom-up sums of the deals behind it, by
 * category, with the change since the previous week's due time; every sum links to its deals.
 * Candor's own forecast appears as a column when the server answers for it.
 */
export function CallGrid({ grid, selected, onSelect, onOpenTeam }: GridProps) {
  const first = grid.rows[0];
  const probe = useCandorForecast(grid.period, subjectOf(first));
  const showCandor = probe.status !== 'error';
  // Each forecast is a simulation of its own (seconds on a large pipeline): the first row's comes
  // at once, the others when asked for.
  const [everyRow, setEveryRow] = useState(false);
  const money = (amount: string) => formatMoney(amount, grid.currency);

  return (
    <div className="table-scroll table-scroll-auto">
      <table className="data-table call-grid">
        <thead>
          <tr>
            <th scope="col">Who</th>
            <th scope="col" className="num">
              Commit call
            </th>
            <th scope="col" className="num">
              Best case call
            </th>
            <th scope="col" className="num" title="Change of the commit call since last week's frozen call">
              Call Δ wk
            </th>
            <th scope="col" className="num">
              Closed
            </th>
            <th scope="col" className="num">
              Commit
            </th>
            <th scope="col" className="num">
              Best case
            </th>
            <th scope="col" className="num">
              Pipeline
            </th>
            <th scope="col" className="num" title="Closed + Commit, what a commit call is compared with">
              Roll-up
            </th>
            <th scope="col" className="num" title="Change of the roll-up since last week's due time">
              Roll-up Δ wk
            </th>
            {showCandor ? (
              <th scope="col" className="num" title="Candor's forecast: P50, with the P10–P90 range">
                Candor P50{' '}
                {everyRow || grid.rows.length < 2 ? null : (
                  <button type="button" className="link-button" onClick={() => setEveryRow(true)}>
                    every row
                  </button>
                )}
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {grid.rows.map((row) => (
            <tr
              key={`${row.kind}:${row.teamId ?? ''}:${row.userId ?? ''}`}
              className={`call-row call-row-${row.kind}${row.userId && row.userId === selected ? ' is-selected' : ''}`}
              data-testid={`call-row-${row.userId ?? row.teamId ?? ''}`}
            >
              <td className="call-who">
                {row.kind === 'member' ? null : (
                  <span className="call-team">
                    {row.kind === 'child-team' && row.teamId ? (
                      <button
                        type="button"
                        className="link-button"
                        onClick={() => onOpenTeam(row.teamId as string)}
                      >
                        {row.teamName}
                      </button>
                    ) : (
                      row.teamName
                    )}
                  </span>
                )}
                <span className="call-name">{row.name}</span>
                {row.rollup.overriddenDeals > 0 ? (
                  <span
                    className="badge badge-note"
                    title={`${row.rollup.overriddenDeals} open deals whose category the owner set by hand (${money(row.rollup.overridden)})`}
                  >
                    {row.rollup.overriddenDeals} overridden
                  </span>
                ) : null}
                {row.userId ? (
                  <button
                    type="button"
                    className="button button-small button-quiet call-history-button"
                    onClick={() => onSelect(row.userId as string)}
                    aria-label={`History of ${row.name}'s calls`}
                  >
                    History
                  </button>
                ) : null}
              </td>
              <CallCells row={row} currency={grid.currency} />
              <td className="num">{formatChange(row.callCommitChange, grid.currency)}</td>
              {(
                [
                  ['closed', ['Closed']],
                  ['commit', ['Commit']],
                  ['bestCase', ['Best Case']],
                  ['pipeline', ['Pipeline']],
                  ['rollupCommit', ['Closed', 'Commit']],
                ] as const
              ).map(([key, categories]) => (
                <td key={key} className="num">
                  <Link
                    to={dealsLink(row, grid.period, categories)}
                    title={formatExact(row.rollup[key], grid.currency)}
                  >
                    {money(row.rollup[key])}
                  </Link>
                </td>
              ))}
              <td className="num">{formatChange(row.rollupCommitChange, grid.currency)}</td>
              {showCandor ? (
                everyRow || row === first ? (
                  <CandorCell period={grid.period} row={row} currency={grid.currency} />
                ) : (
                  <td className="num muted">·</td>
                )
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function CallCells({ row, currency }: { row: CallGridRowResponse; currency: string }) {
  if (!row.call) {
    return (
      <>
        <td className="num muted">no call</td>
        <td className="num muted">—</td>
      </>
    );
  }
  const title = `Week ${row.call.week}, ${formatInstant(row.call.submittedAt)} by ${row.call.submittedByName}${
    row.call.reason ? ` — reason: ${row.call.reason}` : ''
  }${row.call.note ? ` — note: ${row.call.note}` : ''}`;
  return (
    <>
      <td className="num" title={title}>
        <strong>{formatMoney(row.call.commit, currency)}</strong>
        {row.beyondShare ? (
          <span className="badge badge-warn call-flag" title={row.call.reason ?? 'Differs from the roll-up'}>
            reason
          </span>
        ) : null}
      </td>
      <td className="num" title={title}>
        {formatMoney(row.call.bestCase, currency)}
      </td>
    </>
  );
}

function CandorCell({
  period,
  row,
  currency,
}: {
  period: string;
  row: CallGridRowResponse;
  currency: string;
}) {
  const forecast = useCandorForecast(period, subjectOf(row));
  if (!forecast.data) return <td className="num muted">{forecast.isPending ? '…' : '—'}</td>;
  const f = forecast.data;
  return (
    <td className="num" title={`Expected ${formatExact(f.expected, currency)}`}>
      {formatMoney(f.p50, currency)}{' '}
      <span className="muted">
        ({formatMoney(f.p10, currency, { compact: true })}–{formatMoney(f.p90, currency, { compact: true })})
      </span>
    </td>
  );
}

function subjectOf(row: CallGridRowResponse | undefined): { team?: string | null; owner?: string | null } {
  if (!row) return {};
  return row.kind === 'member' ? { owner: row.userId } : { team: row.teamId };
}
