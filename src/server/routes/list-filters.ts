import type { AccessScope } from '../../services/access.js';
import type { ApiForecastCategory } from '../../api/common-schemas.js';

/** The deal-list filters as the query strings of the list and export routes carry them. */
type ListFilterQuery = {
  period?: string | undefined;
  closeFrom?: string | undefined;
  closeTo?: string | undefined;
  asOf?: Date | undefined;
  owner?: string[] | undefined;
  team?: string | undefined;
  stage?: string[] | undefined;
  category?: ApiForecastCategory[] | undefined;
  search?: string | undefined;
  sort: 'closeDate' | 'amount' | 'name';
  order: 'asc' | 'desc';
};

/** Turns list filters from a query string into the list service's options, within a scope. */
export function listFilterOptions(query: ListFilterQuery, scope: AccessScope) {
  return {
    scope,
    period: query.period,
    closeFrom: query.closeFrom,
    closeTo: query.closeTo,
    asOf: query.asOf ?? null,
    ownerIds: query.owner,
    teamId: query.team,
    stages: query.stage,
    categories: query.category,
    search: query.search,
    sort: query.sort,
    descending: query.order === 'desc',
  };
}
