import type { forecastCategories, ApiForecastCategory } from '../../api/common-schemas.js';
import type { maxPageSize, opportunitySorts } from '../../api/opportunity-list.js';
import type { roleNames } from '../../api/session.js';

/**
 * Values of the API contract the browser needs at run time. They are restated here, with their
 * types taken from src/api, so that importing them does not pull zod into the page: a change in the
 * contract then fails the type check here rather than at run time.
 */
export const categories = [
  'Pipeline',
  'Best Case',
  'Commit',
  'Closed',
  'Omitted',
] as const satisfies typeof forecastCategories;

export const sortKeys = ['closeDate', 'amount', 'name'] as const satisfies typeof opportunitySorts;
export type SortKey = (typeof sortKeys)[number];

export const pageSizeLimit: typeof maxPageSize = 500;

export type Category = ApiForecastCategory;

/** Open categories are what a forecast is made of; Closed is won, Omitted lost or excluded. */
export const openCategories: readonly Category[] = ['Pipeline', 'Best Case', 'Commit'];

export const roles = ['rep', 'manager', 'executive', 'viewer', 'admin'] as const satisfies typeof roleNames;
export type Role = (typeof roles)[number];

export const roleDescriptions: Record<Role, string> = {
  rep: 'edits and forecasts their own deals',
  manager: 'sees and edits the deals of their team and the teams below',
  executive: 'sees the deals of their team and below, forecasts',
  viewer: 'sees the deals of their team and below, changes nothing',
  admin: 'administers people, teams, stages and settings',
};
