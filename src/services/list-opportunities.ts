import type { AccessScope } from '../core/access-scope.js';
import { isLateRecordedClose } from '../core/backdating.js';
import { DomainError } from '../core/domain-error.js';
import { periodDates } from '../core/fiscal-calendar.js';
import type { ForecastCategory } from '../core/forecast-category.js';
import { formatMinor } from '../core/money.js';
import { findTeamMemberIds } from '../store/find-team-member-ids.js';
import { listDeals, type DealListQuery, type DealRow } from '../store/pipeline-queries.js';
import { withConnection, type Connection, type DatabaseHandle } from '../store/session.js';
import { getOrgContext, type OrgContext, type OrgContextReader } from './org-context.js';

export type ListOpportunitiesOptions = {
  scope: AccessScope;
  /** A fiscal period, or an explicit close-date range [closeFrom, closeTo); neither: every close date. */
  period?: string | undefined;
  closeFrom?: string | undefined;
  closeTo?: string | undefined;
  /** Null for the current state. */
  asOf: Date | null;
  ownerIds?: readonly string[] | undefined;
  /** Deals owned by members of this team or of any team below it. */
  teamId?: string | undefined;
  stages?: readonly string[] | undefined;
  categories?: readonly ForecastCategory[] | undefined;
  search?: string | undefined;
  sort: 'closeDate' | 'amount' | 'name';
  descending: boolean;
  limit: number;
  offset: number;
  /** Where the org context comes from: an app server's short-lived cache, else read afresh. */
  readOrgContext?: OrgContextReader | undefined;
};

export type OpportunityListItem = Omit<
  DealRow,
  'amountMinor' | 'corporateAmountMinor' | 'createdAt' | 'closedRecordedAt'
> & {
  amount: string | null;
  corporateAmount: string | null;
  createdAt: string;
  isLateRecordedClose: boolean;
};

export type OpportunityList = {
  total: number;
  limit: number;
  offset: number;
  currency: string;
  items: OpportunityListItem[];
};

const sortColumns = { closeDate: 'close_date', amount: 'amount', name: 'name' } as const;

/** One page of the deals matching the filters, within the caller's scope, now or as of an instant. */
export async function listOpportunities(
  handle: DatabaseHandle,
  options: ListOpportunitiesOptions,
): Promise<OpportunityList> {
  return withConnection(handle, async (conn) => {
    const org = await (options.readOrgContext ?? getOrgContext)(conn);
    const empty: OpportunityList = {
      total: 0,
      limit: options.limit,
      offset: options.offset,
      currency: org.settings.corporateCurrency,
      items: [],
    };
    const ownerIds = await resolveOwnerFilter(conn, options);
    // An empty owner list here means "nobody matches", whereas listDeals reads it as "no filter".
    if (ownerIds !== undefined && ownerIds.length === 0) return empty;
    const range = options.period
      ? periodDates(org.calendar, options.period)
      : { start: options.closeFrom ?? null, end: options.closeTo ?? null };
    const query: DealListQuery = {
      closeFrom: range.start,
      closeTo: range.end,
      asOf: options.asOf,
      scope: options.scope,
      corporateCurrency: org.settings.corporateCurrency,
      ownerIds,
      stages: options.stages,
      categories: options.categories,
      search: options.search,
      sort: sortColumns[options.sort],
      descending: options.descending,
      limit: options.limit,
      offset: options.offset,
    };
    const page = await listDeals(conn, query);
    return { ...empty, total: page.total, items: page.deals.map((deal) => toListItem(deal, org)) };
  });
}

async function resolveOwnerFilter(
  conn: Pick<Connection, 'db'>,
  options: ListOpportunitiesOptions,
): Promise<readonly string[] | undefined> {
  const owners = options.ownerIds?.length ? options.ownerIds : undefined;
  if (options.teamId === undefined) return owners;
  const members = await findTeamMemberIds(conn, options.teamId);
  if (members === null) {
    throw new DomainError('invalid-input', `there is no team '${options.teamId}'`, [
      { where: 'team', value: options.teamId, reason: 'no team has this id' },
    ]);
  }
  return owners ? members.filter((id) => owners.includes(id)) : members;
}

function toListItem(deal: DealRow, org: OrgContext): OpportunityListItem {
  const { amountMinor, corporateAmountMinor, createdAt, closedRecordedAt, ...rest } = deal;
  return {
    ...rest,
    amount:
      amountMinor === null
        ? null
        : formatMinor(amountMinor, org.currencies.get(deal.currency)?.decimals ?? 2),
    corporateAmount:
      corporateAmountMinor === null ? null : formatMinor(corporateAmountMinor, org.corporateDecimals),
    createdAt: createdAt.toISOString(),
    isLateRecordedClose: isLateRecordedClose({ ...deal, closedRecordedAt }, org.settings),
  };
}
