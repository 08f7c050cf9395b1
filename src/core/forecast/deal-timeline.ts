import type { ForecastCategory } from '../forecast-category.js';

/**
 * One state of a deal and the business-time interval [validFromMs, validToMs) it held, reduced to
 * what the forecast needs. Amounts are in corporate-currency minor units as plain numbers: the
 * forecast is an estimate, and doubles hold minor units exactly up to 2^53.
 */
export type DealVersion = {
  validFromMs: number;
  /** `Infinity` for the latest version. */
  validToMs: number;
  stage: string;
  /** The probability recorded on the deal with its stage at that moment, when known. */
  probability01: number | null;
  category: ForecastCategory;
  isClosed: boolean;
  isWon: boolean;
  closeDate: string | null;
  /** Null when the deal had no amount or its currency no rate. */
  amountMinor: number | null;
  createdAtMs: number;
  stageEnteredAtMs: number;
  pushCount: number;
  closedRecordedAtMs: number | null;
};

/** A deal's versions, ordered by validFromMs, with its owner as of the moment it was read. */
export type DealTimeline = {
  id: string;
  ownerId: string | null;
  versions: readonly DealVersion[];
};

/**
 * The version valid at `atMs` (validFromMs ≤ atMs < validToMs), or null when the deal did not
 * exist yet. Binary search: versions are ordered and do not overlap.
 */
export function findVersionAt(timeline: DealTimeline, atMs: number): DealVersion | null {
  const versions = timeline.versions;
  let low = 0;
  let high = versions.length - 1;
  let found: DealVersion | null = null;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const version = versions[middle] as DealVersion;
    if (version.validFromMs <= atMs) {
      found = version;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found !== null && atMs < found.validToMs ? found : null;
}

/**
 * The timelines as they could be read at `asOfMs`: versions that began later are dropped and the
 * last remaining one is left open. A backtest reads history once and slices it week by week, so
 * no forecast can see a change made after its as-of moment.
 */
export function sliceTimelinesAt(timelines: readonly DealTimeline[], asOfMs: number): DealTimeline[] {
  const sliced: DealTimeline[] = [];
  for (const timeline of timelines) {
    const kept = timeline.versions.filter((v) => v.validFromMs <= asOfMs);
    const last = kept.at(-1);
    if (!last) continue;
    sliced.push({ ...timeline, versions: [...kept.slice(0, -1), { ...last, validToMs: Infinity }] });
  }
  return sliced;
}
