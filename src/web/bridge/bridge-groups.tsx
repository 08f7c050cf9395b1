import type { BridgeResponse } from '../../api/bridge.js';
import { formatExact, formatMoney } from '../format/format-money.js';

/** One row per team, rep or segment: start, the main movements, won, open and end. */
export function BridgeGroups({ report }: { report: BridgeResponse }) {
  if (!report.groups) return null;
  const kinds = ['created', 'pulled-in', 'lost', 'slipped'] as const;
  const money = (amount: string) => (
    <span title={formatExact(amount, report.currency)}>
      {formatMoney(amount, report.currency, { compact: true })}
    </span>
  );
  return (
    <section className="panel" aria-label={`By ${report.groups.grouping}`}>
      <h2 className="panel-title">By {report.groups.grouping}</h2>
      <div className="table-scroll table-scroll-auto">
        <table className="data-table bridge-groups">
          <thead>
            <tr>
              <th scope="col">{report.groups.grouping}</th>
              <th scope="col" className="col-amount">
                Start
              </th>
              {kinds.map((kind) => (
                <th key={kind} scope="col" className="col-amount">
                  {report.steps.find((s) => s.kind === kind)?.label ?? kind}
                </th>
              ))}
              <th scope="col" className="col-amount">
                Won
              </th>
              <th scope="col" className="col-amount">
                Open
              </th>
              <th scope="col" className="col-amount">
                End
              </th>
            </tr>
          </thead>
          <tbody>
            {report.groups.rows.map((row) => (
              <tr key={row.key ?? 'none'}>
                <th scope="row">{row.label}</th>
                <td className="col-amount">{money(row.start)}</td>
                {kinds.map((kind) => (
                  <td key={kind} className="col-amount">
                    {money(row.steps.find((s) => s.kind === kind)?.amount ?? '0.00')}
                  </td>
                ))}
                <td className="col-amount">{money(row.won)}</td>
                <td className="col-amount">{money(row.open)}</td>
                <td className="col-amount">{money(row.end)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
