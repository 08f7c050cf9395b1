import type { ForecastCategory } from '../forecast-category.js';
import type { MinorUnits } from '../money.js';

/** Deal counts and corporate-currency sums of one owner's deals in one category. */
export type OwnerCategoryTotal = {
  ownerId: string;
  category: ForecastCategory;
  deals: number;
  amountMinor: MinorUnits;
  /** Of these, deals whose category the owner set by hand instead of taking the stage's. */
  overriddenDeals: number;
  overriddenMinor: MinorUnits;
};

export type RollupFigures = {
  deals: number;
  byCategory: Record<'Closed' | 'Commit' | 'Best Case' | 'Pipeline', MinorUnits>;
  /** Closed + Commit: what a commit call is compared with. */
  commitMinor: MinorUnits;
  /** Closed + Commit + Best Case: what a best-case call is compared with. */
  bestCaseMinor: MinorUnits;
  /** Open deals (Pipeline, Best Case, Commit) in the roll-up whose category the owner overrode. */
  overriddenDeals: number;
  overriddenMinor: MinorUnits;
};

/**
 * The bottom-up roll-up of the deals of a set of owners (or of every owner): sums by forecast
 * category, and the commit and best-case figures a call is compared with. Omitted deals count in
 * none of them.
 */
export function computeOwnerRollup(
  totals: readonly OwnerCategoryTotal[],
  owners: ReadonlySet<string> | 'everything',
): RollupFigures {
  const byCategory = { Closed: 0n, Commit: 0n, 'Best Case': 0n, Pipeline: 0n };
  let deals = 0;
  let overriddenDeals = 0;
  let overriddenMinor = 0n;
  for (const total of totals) {
    if (owners !== 'everything' && !owners.has(total.ownerId)) continue;
    if (total.category === 'Omitted') continue;
    byCategory[total.category] += total.amountMinor;
    deals += total.deals;
    if (total.category !== 'Closed') {
      overriddenDeals += total.overriddenDeals;
      overriddenMinor += total.overriddenMinor;
    }
  }
  const commitMinor = byCategory.Closed + byCategory.Commit;
  return {
    deals,
    byCategory,
    commitMinor,
    bestCaseMinor: commitMinor + byCategory['Best Case'],
    overriddenDeals,
    overriddenMinor,
  };
}
