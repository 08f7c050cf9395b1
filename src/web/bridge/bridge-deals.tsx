import { Link } from 'react-router';
import type { BridgeResponse } from '../../api/bridge.js';
import { formatExact } from '../format/format-money.js';
import { useView } from '../view/use-view.js';
import type { BridgeSelection } from './bridge-selection.js';

/** The deals behind the figure last clicked, each linked to its page and timeline. */
export function BridgeDeals({
  report,
  selection,
  onClose,
}: {
  report: BridgeResponse;
  selection: BridgeSelection;
  onClose: () => void;
}) {
  const view = useView();
  const rows =
    selection.amounts ??
    [...new Set(selection.dealIds)].map((id) => ({ id, amount: null as string | null, change: '' }));
  return (
    <section
      className="panel bridge-deals"
      aria-label={`Deals behind ${selection.title}`}
      data-testid="bridge-deals"
    >
      <div className="panel-head">
        <h2 className="panel-title">
          {selection.title} · {new Set(selection.dealIds).size} deal
          {new Set(selection.dealIds).size === 1 ? '' : 's'}
        </h2>
        <button type="button" className="button button-quiet button-small" onClick={onClose}>
          Close
        </button>
      </div>
      <div className="table-scroll table-scroll-auto">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Deal</th>
              <th scope="col">Owner</th>
              {selection.amounts ? <th scope="col">Change</th> : null}
              {selection.amounts ? (
                <th scope="col" className="col-amount">
                  Amount
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, 500).map((row, index) => {
              const deal = report.directory[row.id];
              return (
                <tr key={`${row.id}-${index}`}>
                  <td>
                    <Link className="deal-link" to={view.carry(`/deals/${encodeURIComponent(row.id)}`)}>
                      {deal?.name ?? row.id}
                    </Link>
                  </td>
                  <td>{deal?.owner ?? '—'}</td>
                  {selection.amounts ? <td className="muted">{row.change}</td> : null}
                  {selection.amounts ? (
                    <td className="col-amount">
                      {row.amount === null ? '—' : formatExact(row.amount, report.currency)}
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {rows.length > 500 ? <p className="muted">The first 500 of {rows.length} are listed.</p> : null}
    </section>
  );
}
