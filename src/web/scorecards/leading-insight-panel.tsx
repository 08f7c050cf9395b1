import { describeError } from '../http/api-error.js';
import { Notice, Spinner } from '../ui/notice.js';
import { useLeadingInsight } from './scorecard-queries.js';

/** Which early measures went with attainment at quarter end, in this organisation's history. */
export function LeadingInsightPanel({ period }: { period: string }) {
  const insight = useLeadingInsight(period);
  const data = insight.data;
  return (
    <section className="panel insight-panel" aria-label="Leading indicators">
      <h2 className="panel-title">What early activity went with making the number</h2>
      {insight.isPending ? <Spinner label="Looking back over past quarters…" /> : null}
      {insight.isError ? <Notice tone="error">{describeError(insight.error)}</Notice> : null}
      {data ? (
        <>
          <p className="insight-summary">{data.summary}</p>
          <p className="muted">
            Measured in the first {data.weeks} weeks of{' '}
            {data.quarters.length === 0 ? 'no completed quarter yet' : data.quarters.join(', ')}; Spearman
            rank correlation with attainment at quarter end, over {data.observations} person-quarters with a
            quota (at least {data.minimumPairs} needed). Going together is not proof that one causes the
            other.
          </p>
          <table className="indicator-table insight-table">
            <thead>
              <tr>
                <th scope="col">Early measure</th>
                <th scope="col">ρ</th>
                <th scope="col">n</th>
                <th scope="col">Strength</th>
              </tr>
            </thead>
            <tbody>
              {data.indicators.map((item) => (
                <tr key={item.key} title={item.statement}>
                  <th scope="row">{item.label}</th>
                  <td className="num">{item.rho === null ? '—' : item.rho.toFixed(2)}</td>
                  <td className="num">{item.n}</td>
                  <td>
                    <span className={`strength strength-${item.strength}`}>
                      {item.strength === 'too-little-data' ? 'too little data to tell' : item.strength}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </section>
  );
}
