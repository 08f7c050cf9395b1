import { lazy, Suspense, useCallback, useState } from 'react';
import { formatDay } from '../format/format-time.js';
import { formatMoney } from '../format/format-money.js';
import { describeError } from '../http/api-error.js';
import { useSession } from '../session/session-context.js';
import { ExportLinks } from '../ui/export-links.js';
import { Notice, Spinner } from '../ui/notice.js';
import { useView } from '../view/use-view.js';
import { BridgeAccount } from './bridge-account.js';
import { BridgeDeals } from './bridge-deals.js';
import { BridgeGroups } from './bridge-groups.js';
import { useBridge, type BridgeGrouping } from './bridge-query.js';
import type { BridgeSelection } from './bridge-selection.js';
import { BridgeSteps } from './bridge-steps.js';
import './bridge.css';

const BridgeChart = lazy(() => import('./bridge-chart.js').then((m) => ({ default: m.BridgeChart })));

/** Why the number moved: the waterfall of the quarter, the steps with their deals, the written account. */
export function BridgePage() {
  const view = useView();
  const session = useSession();
  const [group, setGroup] = useState<BridgeGrouping | null>(null);
  const [callText, setCallText] = useState('');
  const [call, setCall] = useState<string | null>(null);
  const [selection, setSelection] = useState<BridgeSelection | null>(null);
  const bridge = useBridge({ period: view.period, group, call });
  const report = bridge.data;

  const pickBar = useCallback(
    (key: string) => {
      if (!report) return;
      if (key === 'start') setSelection({ title: 'Open at the start', dealIds: report.dealIds.start });
      else if (key === 'end')
        setSelection({
          title: 'Won and still open',
          dealIds: [...report.dealIds.won, ...report.dealIds.open],
        });
      else {
        const step = report.steps.find((s) => s.kind === key);
        if (step) {
          setSelection({
            title: step.label,
            dealIds: step.deals.map((d) => d.id),
            amounts: step.deals.map((d) => ({ id: d.id, amount: d.amount, change: d.change })),
          });
        }
      }
    },
    [report],
  );

  const callValid = callText.trim() === '' || /^\d+(\.\d{1,2})?$/.test(callText.trim().replace(/,/g, ''));
  return (
    <div className="page-stack">
      <header className="page-header">
        <div>
          <h1>Bridge {view.period}</h1>
          <p className="page-subtitle">
            {report
              ? `From ${formatDay(report.from.slice(0, 10))} to ${formatDay(report.to.slice(0, 10))} · amounts in ${report.currency}`
              : 'Why the number moved'}
            {' · '}
            {session.scope.description}
          </p>
        </div>
        <div className="button-row">
          <a
            className="button"
            href={`/api/boardpack?period=${encodeURIComponent(view.period)}`}
            target="_blank"
            rel="noreferrer"
          >
            Board pack
          </a>
          <a
            className="button button-quiet"
            href={`/api/boardpack?period=${encodeURIComponent(view.period)}&format=pdf`}
          >
            PDF
          </a>
        </div>
      </header>

      <form
        className="panel bridge-controls"
        onSubmit={(event) => {
          event.preventDefault();
          if (callValid) setCall(callText.trim() === '' ? null : callText.trim().replace(/,/g, ''));
        }}
      >
        <label className="compact-field">
          <span>Group by</span>
          <select
            value={group ?? ''}
            onChange={(e) => setGroup(e.target.value === '' ? null : (e.target.value as BridgeGrouping))}
          >
            <option value="">Nothing</option>
            <option value="team">Team</option>
            <option value="rep">Rep</option>
            <option value="segment">Segment</option>
          </select>
        </label>
        <label className="compact-field">
          <span>Against a call of</span>
          <input
            inputMode="decimal"
            placeholder="latest call in the ledger"
            value={callText}
            aria-invalid={!callValid}
            onChange={(e) => setCallText(e.target.value)}
          />
        </label>
        <button type="submit" className="button button-small" disabled={!callValid}>
          Measure
        </button>
        {!callValid ? <span className="inline-error">An amount such as 1250000 or 1250000.50</span> : null}
      </form>

      {bridge.isError ? <Notice tone="error">{describeError(bridge.error)}</Notice> : null}
      {bridge.isPending ? <Spinner label="Walking the quarter…" /> : null}
      {report ? (
        <div className={`page-stack${bridge.isPlaceholderData ? ' is-stale' : ''}`}>
          <section className="category-cards bridge-cards" aria-label="Start and end">
            <Stat
              label="Open at the start"
              amount={report.start}
              currency={report.currency}
              caption={`${report.counts.start} deals`}
            />
            <Stat
              label="Won"
              amount={report.won}
              currency={report.currency}
              caption={`${report.counts.won} deals`}
            />
            <Stat
              label="Still open"
              amount={report.open}
              currency={report.currency}
              caption={`${report.counts.open} deals`}
            />
            <Stat label="End" amount={report.end} currency={report.currency} caption="won + still open" />
            {report.call ? (
              <Stat
                label={report.call.source === 'ledger' ? 'Latest call' : 'Call'}
                amount={report.call.called}
                currency={report.currency}
                caption={`gap ${formatMoney(report.call.gap, report.currency, { compact: true })}`}
              />
            ) : null}
          </section>
          <div className="panel chart-panel">
            <h2 className="panel-title">Waterfall</h2>
            <Suspense fallback={<div className="chart-placeholder" />}>
              <BridgeChart report={report} onPick={pickBar} />
            </Suspense>
          </div>
          <section className="panel" aria-label="What happened">
            <h2 className="panel-title">What happened</h2>
            <BridgeAccount report={report} onSelect={setSelection} />
          </section>
          {selection ? (
            <BridgeDeals report={report} selection={selection} onClose={() => setSelection(null)} />
          ) : null}
          <section className="panel" aria-label="Steps">
            <div className="panel-head">
              <h2 className="panel-title">Steps</h2>
              <ExportLinks
                path="/api/bridge/export"
                query={{ period: view.period, group, call }}
                what="the deal movements behind the steps"
              />
            </div>
            <BridgeSteps report={report} onSelect={setSelection} />
          </section>
          {report.call ? (
            <section className="panel" aria-label="Against the call">
              <h2 className="panel-title">
                Against the call of {formatMoney(report.call.called, report.currency)}: closed{' '}
                {formatMoney(report.call.closed, report.currency)}
              </h2>
              <table className="data-table">
                <tbody>
                  {report.call.parts
                    .filter((p) => Number(p.amount) !== 0)
                    .map((part) => (
                      <tr key={part.kind}>
                        <th scope="row">
                          {part.deals.length > 0 ? (
                            <button
                              type="button"
                              className="figure-link"
                              onClick={() =>
                                setSelection({
                                  title: part.label,
                                  dealIds: part.deals.map((d) => d.id),
                                  amounts: part.deals.map((d) => ({
                                    id: d.id,
                                    amount: d.amount,
                                    change: d.change,
                                  })),
                                })
                              }
                            >
                              {part.label}
                            </button>
                          ) : (
                            part.label
                          )}
                        </th>
                        <td className="col-amount">{formatMoney(part.amount, report.currency)}</td>
                      </tr>
                    ))}
                </tbody>
              </table>
            </section>
          ) : null}
          {report.groups ? <BridgeGroups report={report} /> : null}
          {report.unconverted.length > 0 ? (
            <Notice tone="warning">
              {report.unconverted.length} deals are left out of the amounts: their currency has no exchange
              rate.
            </Notice>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

function Stat({
  label,
  amount,
  currency,
  caption,
}: {
  label: string;
  amount: string;
  currency: string;
  caption: string;
}) {
  return (
    <div className="stat-card">
      <span className="stat-label">{label}</span>
      <span className="stat-value" data-exact={amount}>
        {formatMoney(amount, currency, { compact: true })}
      </span>
      <span className="stat-caption">{caption}</span>
    </div>
  );
}
