import type { AccessScope } from '../core/access-scope.js';
import { isBackdated, isLateRecordedClose } from '../core/backdating.js';
import { DomainError } from '../core/domain-error.js';
import { formatMinor } from '../core/money.js';
import type { OpportunityState } from '../core/opportunity.js';
import { listEntityEvents } from '../store/entity-events.js';
import { findDealInScope, type DealInScope } from '../store/find-deal-in-scope.js';
import { withConnection, type Connection, type DatabaseHandle } from '../store/session.js';
import { getOrgContext, type OrgContext, type OrgContextReader } from './org-context.js';

export type GetOpportunityOptions = {
  id: string;
  scope: AccessScope;
  /** The deal as it stood at this instant (its version then); null or absent: as it stands now. */
  asOf?: Date | null | undefined;
};

type NamedRef = { id: string; name: string | null };

export type OpportunityDetail = Omit<
  OpportunityState,
  | 'accountId'
  | 'ownerId'
  | 'amountMinor'
  | 'probability01'
  | 'stageEnteredAt'
  | 'createdAt'
  | 'closedRecordedAt'
  | 'updatedAt'
  | 'lastSeq'
> & {
  account: NamedRef | null;
  owner: NamedRef | null;
  amount: string | null;
  corporateAmount: string | null;
  corporateCurrency: string;
  probability: number | null;
  stageEnteredAt: string;
  createdAt: string;
  closedRecordedAt: string | null;
  updatedAt: string;
  lastSeq: string;
  marks: { isLateRecordedClose: boolean; backdatedChanges: number };
  /** The instant the deal is shown as of; null when it is shown as it stands now. */
  asOf: string | null;
};

/**
 * One deal as it stands now, or as it stood at `asOf` (the version of it valid then, in business
 * time, like the as-of pipeline), with its account and owner names and its backdating marks; as of
 * an instant, the marks count only the changes that had taken effect by then. A deal the caller's
 * scope does not reach, or that did not exist yet at `asOf`, is `not-found`, exactly like one that
 * does not exist.
 */
export async function getOpportunity(
  handle: DatabaseHandle,
  options: GetOpportunityOptions & { readOrgContext?: OrgContextReader | undefined },
): Promise<OpportunityDetail> {
  return withConnection(handle, async (conn) => {
    const org = await (options.readOrgContext ?? getOrgContext)(conn);
    const deal = await requireDealInScope(conn, org, options);
    const asOf = options.asOf ?? null;
    const events = await listEntityEvents(conn, 'opportunity', options.id);
    const backdatedChanges = events.filter(
      (event) => (asOf === null || event.businessTime <= asOf) && isBackdated(event, org.settings),
    ).length;
    return { ...toDetail(deal, org, backdatedChanges), asOf: asOf?.toISOString() ?? null };
  });
}

/** The deal, or a `not-found` error that says nothing about whether it exists outside the scope. */
export async function requireDealInScope(
  conn: Pick<Connection, 'db'>,
  org: OrgContext,
  options: GetOpportunityOptions,
): Promise<DealInScope> {
  const deal = await findDealInScope(conn, {
    id: options.id,
    scope: options.scope,
    corporateCurrency: org.settings.corporateCurrency,
    asOf: options.asOf ?? null,
  });
  if (!deal) {
    const then = options.asOf ? ` as of ${options.asOf.toISOString()}` : '';
    throw new DomainError('not-found', `there is no opportunity '${options.id}'${then}`, [
      {
        where: 'id',
        value: options.id,
        reason: options.asOf
          ? 'no opportunity you can see had this id at that time'
          : 'no opportunity you can see has this id',
      },
    ]);
  }
  return deal;
}

function toDetail(
  deal: DealInScope,
  org: OrgContext,
  backdatedChanges: number,
): Omit<OpportunityDetail, 'asOf'> {
  const {
    accountId,
    ownerId,
    amountMinor,
    probability01,
    stageEnteredAt,
    createdAt,
    closedRecordedAt,
    updatedAt,
    lastSeq,
    ...rest
  } = deal.state;
  return {
    ...rest,
    account: accountId === null ? null : { id: accountId, name: deal.accountName },
    owner: ownerId === null ? null : { id: ownerId, name: deal.ownerName },
    amount:
      amountMinor === null
        ? null
        : formatMinor(amountMinor, org.currencies.get(rest.currency)?.decimals ?? 2),
    corporateAmount:
      deal.corporateAmountMinor === null
        ? null
        : formatMinor(deal.corporateAmountMinor, org.corporateDecimals),
    corporateCurrency: org.settings.corporateCurrency,
    probability: probability01,
    stageEnteredAt: stageEnteredAt.toISOString(),
    createdAt: createdAt.toISOString(),
    closedRecordedAt: closedRecordedAt ? closedRecordedAt.toISOString() : null,
    updatedAt: updatedAt.toISOString(),
    lastSeq: lastSeq.toString(),
    marks: { isLateRecordedClose: isLateRecordedClose(deal.state, org.settings), backdatedChanges },
  };
}
