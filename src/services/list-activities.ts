import type { AccessScope } from '../core/access-scope.js';
import { listActivitiesByIds } from '../store/activity-queries.js';
import { withConnection, type DatabaseHandle } from '../store/session.js';

export type ActivityListItem = {
  id: string;
  type: string;
  subject: string;
  occurredAt: string;
  opportunity: { id: string; name: string | null } | null;
  account: { id: string; name: string | null } | null;
  owner: { id: string; name: string | null } | null;
};

/** The activities behind a figure (a scorecard's activity counts name them by id), within the scope. */
export async function listActivities(
  handle: DatabaseHandle,
  options: { ids: readonly string[]; scope: AccessScope },
): Promise<{ items: ActivityListItem[] }> {
  const rows = await withConnection(handle, (conn) => listActivitiesByIds(conn, options));
  return {
    items: rows.map((r) => ({
      id: r.id,
      type: r.type,
      subject: r.subject,
      occurredAt: r.occurredAt.toISOString(),
      opportunity: r.opportunityId === null ? null : { id: r.opportunityId, name: r.opportunityName },
      account: r.accountId === null ? null : { id: r.accountId, name: r.accountName },
      owner: r.ownerId === null ? null : { id: r.ownerId, name: r.ownerName },
    })),
  };
}
