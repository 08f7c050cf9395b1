import type { Role } from './org-entities.js';

/**
 * How far a grant reaches over deals: the holder's own deals, the deals of everyone in the team the
 * role is held in and the teams below it, or every deal.
 */
export type Reach = 'none' | 'own' | 'subtree' | 'everything';

/** What a role lets its holder do, and over which deals. */
export type RoleGrant = {
  /** See deals, totals, exports and reports. */
  read: Reach;
  /** Change deals (stage, amount, close date, category, next step). */
  editDeals: Reach;
  /** Submit forecast calls. */
  forecast: Reach;
  /** Configuration, users and roles, imports, verification. */
  administer: boolean;
};

/**
 * The role table. Executives read and forecast across the company but do not edit deals; viewers
 * only read; admins configure and import, and read everything so they can check what an import
 * brought (see docs/decisions/0005-access-by-hierarchy.md).
 */
export const roleGrants = {
  rep: { read: 'own', editDeals: 'own', forecast: 'own', administer: false },
  manager: { read: 'subtree', editDeals: 'subtree', forecast: 'subtree', administer: false },
  executive: { read: 'everything', editDeals: 'none', forecast: 'everything', administer: false },
  viewer: { read: 'everything', editDeals: 'none', forecast: 'none', administer: false },
  admin: { read: 'everything', editDeals: 'none', forecast: 'none', administer: true },
} as const satisfies Record<Role, RoleGrant>;
