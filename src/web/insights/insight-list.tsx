import { insightTypeLabels, type InsightView } from '../../api/insights.js';
import { formatDay } from '../format/format-time.js';

/** Insights, newest first: what was said, by whom, about what. */
export function InsightList({
  insights,
  showSubject = false,
}: {
  insights: readonly InsightView[];
  showSubject?: boolean;
}) {
  if (insights.length === 0) return <p className="muted">Nothing captured yet.</p>;
  return (
    <ul className="insight-list">
      {insights.map((i) => (
        <li key={i.id} className={`insight insight-${i.severity}`}>
          <div className="insight-head">
            <span className="badge">{insightTypeLabels[i.type]}</span>
            {i.competitor ? <span className="badge badge-note">{i.competitor}</span> : null}
            {i.topic ? <strong>{i.topic}</strong> : null}
            <span className="muted">
              {formatDay(i.capturedAt.slice(0, 10))} · {i.authorName ?? 'unknown'} · {i.severity}
              {showSubject
                ? ` · ${i.accountName ?? i.accountId}${i.opportunityName ? ` / ${i.opportunityName}` : ''}`
                : ''}
            </span>
          </div>
          {i.text ? <p>{i.text}</p> : null}
        </li>
      ))}
    </ul>
  );
}
