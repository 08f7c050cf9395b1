import { openForecastCategories, type ForecastCategory } from '../forecast-category.js';
import type { HygieneFlag } from './hygiene-flag.js';
import { hygieneRuleIds, type HygieneRuleId } from './hygiene-rule-id.js';

export type PipelineDeal = {
  id: string;
  forecastCategory: ForecastCategory;
  corporateAmountMinor: bigint | null;
};

type Totals = Record<'Pipeline' | 'Best Case' | 'Commit', { deals: number; amountMinor: bigint }>;

export type AdjustedPipeline = {
  reported: Totals;
  adjusted: Totals;
  /** Why the two differ: each deal left out, counted once, under its first high-severity rule. */
  byRule: { rule: HygieneRuleId; deals: number; amountMinor: bigint }[];
};

/**
 * The open pipeline as reported and as hygiene-adjusted, side by side. A deal is stale, and left
 * out of the adjusted pipeline, when it carries at least one high-severity flag (admins decide
 * which rules are high). The difference is explained by rule: each stale deal is attributed to the
 * first of its high-severity rules in rule order (close-date-past, no-activity, …), so the parts
 * add up exactly to the difference; a deal's other flags are on its own page.
 */
export function computeAdjustedPipeline(
  deals: readonly PipelineDeal[],
  flagsByDeal: ReadonlyMap<string, readonly HygieneFlag[]>,
): AdjustedPipeline {
  const reported = emptyTotals();
  const adjusted = emptyTotals();
  const removed = new Map<HygieneRuleId, { deals: number; amountMinor: bigint }>();
  for (const deal of deals) {
    if (!isOpenCategory(deal.forecastCategory)) continue;
    const amount = deal.corporateAmountMinor ?? 0n;
    add(reported, deal.forecastCategory, amount);
    const high = (flagsByDeal.get(deal.id) ?? []).filter((f) => f.severity === 'high').map((f) => f.rule);
    const first = hygieneRuleIds.find((id) => high.includes(id));
    if (first === undefined) {
      add(adjusted, deal.forecastCategory, amount);
      continue;
    }
    const part = removed.get(first) ?? { deals: 0, amountMinor: 0n };
    removed.set(first, { deals: part.deals + 1, amountMinor: part.amountMinor + amount });
  }
  return {
    reported,
    adjusted,
    byRule: hygieneRuleIds.flatMap((rule) => {
      const part = removed.get(rule);
      return part ? [{ rule, ...part }] : [];
    }),
  };
}

function isOpenCategory(category: ForecastCategory): category is keyof Totals {
  return openForecastCategories.includes(category);
}

function emptyTotals(): Totals {
  return {
    Pipeline: { deals: 0, amountMinor: 0n },
    'Best Case': { deals: 0, amountMinor: 0n },
    Commit: { deals: 0, amountMinor: 0n },
  };
}

function add(totals: Totals, category: keyof Totals, amount: bigint): void {
  totals[category] = {
    deals: totals[category].deals + 1,
    amountMinor: totals[category].amountMinor + amount,
  };
}
