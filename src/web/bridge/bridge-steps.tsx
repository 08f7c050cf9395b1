import type { BridgeResponse } from '../../api/bridge.js';
import { formatExact } from '../format/format-money.js';
import type { BridgeSelection } from './bridge-selection.js';

/** The steps as a table: start, each movement with its deal count, the end; a row opens its deals. */
export function BridgeSteps({
  report,
  onSelect,
}: {
  report: BridgeResponse;
  onSelect: (selection: BridgeSelection) => void;
}) {
  const money = (amount: string) => formatExact(amount, report.currency);
  return (
    <table className="data-table bridge-steps">
      <thead>
        <tr>
          <th scope="col">Step</th>
          <th scope="col" className="col-amount">
            Amount
          </th>
          <th scope="col" className="col-amount">
            Movements
          </th>
        </tr>
      </thead>
      <tbody>
        <tr className="bridge-total">
          <th scope="row">
            <button
              type="button"
              className="figure-link"
              onClick={() => onSelect({ title: 'Open at the start', dealIds: report.dealIds.start })}
            >
              Open pipeline at the start
            </button>
          </th>
          <td className="col-amount">{money(report.start)}</td>
          <td className="col-amount">{report.counts.start} deals</td>
        </tr>
        {report.steps.map((step) => {
          const zeroNet = step.kind === 'category' || step.kind === 'won';
          return (
            <tr
              key={step.kind}
              className={step.deals.length === 0 ? 'bridge-empty' : undefined}
              data-testid={`step-${step.kind}`}
            >
              <th scope="row">
                {step.deals.length > 0 ? (
                  <button
                    type="button"
                    className="figure-link"
                    onClick={() =>
                      onSelect({
                        title: step.label,
                        dealIds: step.deals.map((d) => d.id),
                        amounts: step.deals.map((d) => ({ id: d.id, amount: d.amount, change: d.change })),
                      })
                    }
                  >
                    {step.label}
                  </button>
                ) : (
                  step.label
                )}
                {zeroNet ? <span className="muted"> · no net effect</span> : null}
              </th>
              <td
                className={`col-amount ${Number(step.amount) < 0 ? 'bridge-fall' : Number(step.amount) > 0 ? 'bridge-rise' : ''}`}
              >
                {money(step.amount)}
              </td>
              <td className="col-amount">{step.deals.length}</td>
            </tr>
          );
        })}
        <tr className="bridge-total">
          <th scope="row">
            <button
              type="button"
              className="figure-link"
              onClick={() => onSelect({ title: 'Won', dealIds: report.dealIds.won })}
            >
              Won
            </button>{' '}
            +{' '}
            <button
              type="button"
              className="figure-link"
              onClick={() => onSelect({ title: 'Still open', dealIds: report.dealIds.open })}
            >
              still open
            </button>{' '}
            = end ({money(report.won)} + {money(report.open)})
          </th>
          <td className="col-amount">
            <strong>{money(report.end)}</strong>
          </td>
          <td className="col-amount">
            {report.counts.won} + {report.counts.open} deals
          </td>
        </tr>
      </tbody>
    </table>
  );
}
