import { openForecastCategories } from '../forecast-category.js';
import type { BridgeDealVersion } from './bridge-types.js';

/**
 * Where a deal stands for a period's bridge at one moment:
 * - `absent`: not created yet;
 * - `unseen`: outside the view (another owner's deal for a scoped caller, another team or segment);
 * - `elsewhere`: its close date lies outside the period (or it has none);
 * - `open`: closing in the period in Pipeline, Best Case or Commit;
 * - `omitted`: closing in the period, still open, but out of the forecast;
 * - `won`, `lost`: closed in the period;
 * - `won-before`: won already at `from` and still won, so not part of what this bridge walks.
 * Only `open` and `won` carry value.
 */
export type DealBucket =
  'absent' | 'unseen' | 'elsewhere' | 'open' | 'omitted' | 'won' | 'lost' | 'won-before';

export type ClassifyOptions = {
  periodStart: string;
  periodEnd: string;
  includes: (version: BridgeDealVersion) => boolean;
};

/** The bucket of one version; `won-before` is decided by the walk, which knows the deal's past. */
export function classifyDealState(version: BridgeDealVersion | null, options: ClassifyOptions): DealBucket {
  if (version === null) return 'absent';
  if (!options.includes(version)) return 'unseen';
  const close = version.closeDate;
  if (close === null || close < options.periodStart || close >= options.periodEnd) return 'elsewhere';
  if (version.isClosed) return version.isWon ? 'won' : 'lost';
  return openForecastCategories.includes(version.forecastCategory) ? 'open' : 'omitted';
}

/** Whether a bucket's deals count towards the tracked total. */
export function bucketCounts(bucket: DealBucket): boolean {
  return bucket === 'open' || bucket === 'won';
}
