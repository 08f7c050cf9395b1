import type { AccessScope } from '../core/access-scope.js';
import { listDealOwners, type DealOwner } from '../store/opportunity-queries.js';
import { listStages } from '../store/org-queries.js';
import { withConnection, type DatabaseHandle } from '../store/session.js';

export type DealFilterOptions = {
  /** The people whose deals the caller can see (now, or as of the instant), by name. */
  owners: DealOwner[];
  /** Every stage of the organisation in pipeline order; inactive ones too, since deals may sit in them. */
  stages: { name: string; isClosed: boolean; active: boolean }[];
};

/**
 * What the deal filters offer: owners cut to the caller's scope (a rep sees only themself, a
 * manager the people of their subtree who own deals), and the organisation's stages, which are
 * configuration, not deal data, and the same for everyone.
 */
export async function listDealFilterOptions(
  handle: DatabaseHandle,
  options: { scope: AccessScope; asOf: Date | null },
): Promise<DealFilterOptions> {
  return withConnection(handle, async (conn) => ({
    owners: await listDealOwners(conn, options),
    stages: (await listStages(conn)).map((s) => ({ name: s.name, isClosed: s.isClosed, active: s.active })),
  }));
}
