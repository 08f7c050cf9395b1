import { Link } from 'react-router';
import { describeError } from '../http/api-error.js';
import { formatInstant } from '../format/format-time.js';
import { useActivities } from './scorecard-queries.js';

/** The activities behind a figure: when, what, about which deal, by whom (newest first). */
export function ActivityList({ ids, count }: { ids: readonly string[]; count: number }) {
  const activities = useActivities(ids);
  if (ids.length === 0) return null;
  const noun = count === 1 ? 'activity' : 'activities';
  return (
    <div className="activity-list">
      <p>
        {count} {noun} logged
        {ids.length < count ? `; ${ids.length} of them below` : ''}
      </p>
      {activities.isPending ? <p className="muted">Loading the activities…</p> : null}
      {activities.isError ? <p role="alert">{describeError(activities.error)}</p> : null}
      {activities.data ? (
        <table className="indicator-table activity-table" aria-label={`The ${noun} behind this figure`}>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Type</th>
              <th scope="col">Subject</th>
              <th scope="col">Deal</th>
            </tr>
          </thead>
          <tbody>
            {activities.data.items.map((a) => (
              <tr key={a.id}>
                <td>{formatInstant(a.occurredAt)}</td>
                <td>{a.type}</td>
                <td>{a.subject}</td>
                <td>
                  {a.opportunity ? (
                    <Link to={`/deals/${encodeURIComponent(a.opportunity.id)}`}>
                      {a.opportunity.name ?? a.opportunity.id}
                    </Link>
                  ) : (
                    (a.account?.name ?? '—')
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
