import type { AccessScope } from '../core/access-scope.js';
import { listEntityEvents } from '../store/entity-events.js';
import { withConnection, type DatabaseHandle } from '../store/session.js';
import { computeTimeline, type TimelineEntry } from './compute-timeline.js';
import { requireDealInScope } from './get-opportunity.js';
import { getOrgContext } from './org-context.js';

export type OpportunityTimeline = {
  opportunityId: string;
  /** The threshold the `backdated` marks were computed with. */
  backdatedAfterHours: number;
  events: TimelineEntry[];
};

/** Every ledger event of one deal the caller may see, as a readable timeline with backdating marks. */
export async function getOpportunityTimeline(
  handle: DatabaseHandle,
  options: { id: string; scope: AccessScope },
): Promise<OpportunityTimeline> {
  return withConnection(handle, async (conn) => {
    const org = await getOrgContext(conn);
    await requireDealInScope(conn, org, options);
    const events = await listEntityEvents(conn, 'opportunity', options.id);
    return {
      opportunityId: options.id,
      backdatedAfterHours: org.settings.backdatedAfterHours,
      events: computeTimeline(events, {
        thresholds: org.settings,
        decimalsOf: (currency) => org.currencies.get(currency)?.decimals ?? 2,
      }),
    };
  });
}
