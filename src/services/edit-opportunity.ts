import type { AccessScope } from '../core/access-scope.js';
import { scopeIncludesOwner } from '../core/compute-access.js';
import { DomainError } from '../core/domain-error.js';
import { describeEditConflict } from '../core/opportunity-edit/describe-edit-conflict.js';
import {
  planOpportunityEdit,
  type OpportunityEditInput,
} from '../core/opportunity-edit/plan-opportunity-edit.js';
import { opportunityChangesToPayload } from '../core/opportunity-payload.js';
import { findLatestEvent } from '../store/admin-queries.js';
import { findUserRecord, listStages } from '../store/org-queries.js';
import type { Connection, DatabaseHandle } from '../store/session.js';
import { runChange, type ChangeContext } from './admin/change-context.js';
import { getOpportunity, requireDealInScope, type OpportunityDetail } from './get-opportunity.js';
import { getOrgContext } from './org-context.js';

export type EditOpportunityOptions = ChangeContext & {
  id: string;
  edit: OpportunityEditInput & { expectedLastSeq?: string };
  /** The deals the editor may see (others answer 404) and may change (others answer 403). */
  readScope: AccessScope;
  editScope: AccessScope;
};

/**
 * Applies one person's edit to a deal as one `opportunity.changed` event, then answers the deal as
 * it now stands. The checks and the append share one transaction under the ledger's write lock, so
 * two people editing the same deal cannot both pass the `expectedLastSeq` check.
 */
export async function editOpportunity(
  handle: DatabaseHandle,
  options: EditOpportunityOptions,
): Promise<OpportunityDetail> {
  await runChange(handle, options, async (conn, record) => {
    const org = await getOrgContext(conn);
    const deal = await requireDealInScope(conn, org, { id: options.id, scope: options.readScope });
    const { state } = deal;
    if (!scopeIncludesOwner(options.editScope, state.ownerId)) {
      throw new DomainError(
        'forbidden',
        `you can see the deal ${options.id} but not change it: it belongs to ${deal.ownerName ?? 'nobody'}, outside the deals you edit`,
      );
    }
    const { expectedLastSeq, ...edit } = options.edit;
    if (expectedLastSeq !== undefined && BigInt(expectedLastSeq) !== state.lastSeq) {
      throw await conflictFor(conn, options.id, BigInt(expectedLastSeq), state.lastSeq);
    }
    const changes = planOpportunityEdit({
      current: state,
      stages: await listStages(conn),
      currencyDecimals: org.currencies.get(state.currency)?.decimals ?? 2,
      edit,
      now: options.now,
      timeZone: org.settings.timeZone,
    });
    await record([
      {
        entityType: 'opportunity',
        entityId: options.id,
        kind: 'opportunity.changed',
        payload: opportunityChangesToPayload(changes),
      },
    ]);
  });
  return getOpportunity(handle, { id: options.id, scope: options.readScope });
}

async function conflictFor(
  conn: Pick<Connection, 'db'>,
  id: string,
  expectedLastSeq: bigint,
  currentLastSeq: bigint,
): Promise<DomainError> {
  const latest = await findLatestEvent(conn, 'opportunity', id);
  const actorName = latest ? ((await findUserRecord(conn, latest.actor))?.name ?? latest.actor) : null;
  return describeEditConflict({
    id,
    expectedLastSeq,
    currentLastSeq,
    lastChange: latest && actorName ? { ...latest, actor: actorName } : null,
  });
}
