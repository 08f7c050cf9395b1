import type { DealHygieneResponse } from '../../api/hygiene.js';
import { formatDay } from '../format/format-time.js';

const levelClass: Record<DealHygieneResponse['risk']['level'], string> = {
  none: 'badge-ok',
  low: 'badge-note',
  medium: 'badge-warn',
  high: 'badge-lost',
};

/** The risk summary and the flags with their evidence and since when they hold. */
export function DealRiskSummary({ hygiene }: { hygiene: DealHygieneResponse }) {
  return (
    <div className="hygiene-risk">
      <p className="hygiene-risk-line">
        <span className={`badge ${levelClass[hygiene.risk.level]}`} data-testid="risk-level">
          {hygiene.risk.level === 'none' ? 'no risk flags' : `${hygiene.risk.level} risk`}
        </span>{' '}
        {hygiene.risk.summary}
      </p>
      {hygiene.flags.length > 0 ? (
        <ul className="hygiene-flags" aria-label="Hygiene flags">
          {hygiene.flags.map((flag) => (
            <li key={flag.rule} className={`hygiene-flag severity-${flag.severity}`}>
              <span className="hygiene-flag-head">
                <code>{flag.rule}</code> <span className="muted">{flag.severity}</span>
              </span>
              <span>{flag.evidence}</span>
              <span className="muted">since {formatDay(flag.since.slice(0, 10))}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
