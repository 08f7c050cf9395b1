import type { VerifyReportResponse } from '../../api/ledger.js';
import { formatInstant } from '../format/format-time.js';
import { Notice } from '../ui/notice.js';

type VerificationResultProps = { report: VerifyReportResponse; who: string; startedAt: string };

/** A finished verification: the verdict, the chain head it reached, when, by whom, and any problems. */
export function VerificationResult({ report, who, startedAt }: VerificationResultProps) {
  return (
    <div className="verify-result" data-testid="verify-result">
      <Notice
        tone={report.ok ? 'success' : 'error'}
        title={report.ok ? 'Ledger intact' : 'Ledger problems found'}
      >
        {report.ok
          ? `All ${Number(report.length).toLocaleString('en-US')} events chain correctly and every derived table equals a replay.`
          : `${report.problems.length} problems found in ${Number(report.length).toLocaleString('en-US')} events. Nothing was repaired: investigate before trusting figures.`}
      </Notice>
      <dl className="facts">
        <div className="fact">
          <dt>Events checked</dt>
          <dd>{Number(report.length).toLocaleString('en-US')}</dd>
        </div>
        <div className="fact">
          <dt>Started</dt>
          <dd>{formatInstant(startedAt)}</dd>
        </div>
        <div className="fact">
          <dt>Run by</dt>
          <dd>{who}</dd>
        </div>
        <div className="fact">
          <dt>Took</dt>
          <dd>{(report.durationMs / 1000).toFixed(1)} s</dd>
        </div>
        <div className="fact fact-wide">
          <dt>Head hash</dt>
          <dd>
            <code className="hash">{report.head}</code>
          </dd>
        </div>
      </dl>
      {report.problems.length > 0 ? (
        <div className="table-scroll table-scroll-auto">
          <table className="data-table">
            <thead>
              <tr>
                <th>Kind</th>
                <th>Event</th>
                <th>Where</th>
                <th>What</th>
              </tr>
            </thead>
            <tbody>
              {report.problems.map((problem, index) => (
                <tr key={`${problem.kind}-${problem.seq ?? ''}-${index}`}>
                  <td>{problem.kind}</td>
                  <td>{problem.seq ? `#${problem.seq}` : '—'}</td>
                  <td>{problem.where ?? '—'}</td>
                  <td>{problem.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
