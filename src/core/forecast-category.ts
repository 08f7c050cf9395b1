/**
 * Forecast categories as Salesforce defines them: won deals are Closed, lost deals Omitted.
 * The labels are the values, so reports and JSON read as users expect.
 */
export const forecastCategories = ['Pipeline', 'Best Case', 'Commit', 'Closed', 'Omitted'] as const;
export type ForecastCategory = (typeof forecastCategories)[number];

/** Categories that count as open pipeline. */
export const openForecastCategories: readonly ForecastCategory[] = ['Pipeline', 'Best Case', 'Commit'];

const aliases: Record<string, ForecastCategory> = {
  pipeline: 'Pipeline',
  'best case': 'Best Case',
  bestcase: 'Best Case',
  best_case: 'Best Case',
  commit: 'Commit',
  forecast: 'Commit',
  closed: 'Closed',
  omitted: 'Omitted',
  omit: 'Omitted',
};

/**
 * Reads a forecast category as CRMs write it: the Salesforce API values (`Forecast`, `BestCase`) and
 * the labels (`Commit`, `Best Case`) alike, in any case. Returns null when it is not one.
 */
export function parseForecastCategory(text: string): ForecastCategory | null {
  return aliases[text.trim().toLowerCase()] ?? null;
}
