import type { AccessScope } from '../../core/access-scope.js';
import type { Insight } from '../../core/insights/insight.js';
import { listInsights, listLostWithoutReason } from '../../store/insight-queries.js';
import { withConnection, type DatabaseHandle } from '../../store/session.js';

export type VisibleInsight = Insight & {
  accountName: string | null;
  opportunityName: string | null;
  authorName: string | null;
};

/** Insights of an account, a deal, or the latest overall, within the caller's scope, newest first. */
export async function listVisibleInsights(
  handle: DatabaseHandle,
  options: {
    scope: AccessScope;
    accountId?: string;
    opportunityId?: string;
    insightId?: string;
    limit: number;
  },
): Promise<VisibleInsight[]> {
  return withConnection(handle, async (conn) => {
    return listInsights(conn, {
      scope: options.scope,
      segment: null,
      ownerIds: null,
      accountId: options.accountId,
      opportunityId: options.opportunityId,
      insightId: options.insightId,
      limit: options.limit,
    });
  });
}

/** Lost deals with no loss reason anywhere: what imports flag instead of refusing. */
export async function listMissingLossReasons(
  handle: DatabaseHandle,
  options: { scope: AccessScope; limit: number },
): Promise<{ id: string; name: string; closeDate: string | null; ownerId: string | null }[]> {
  return withConnection(handle, (conn) => listLostWithoutReason(conn, options));
}
