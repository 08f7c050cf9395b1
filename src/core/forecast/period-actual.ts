import { findVersionAt, type DealTimeline } from './deal-timeline.js';
import type { ForecastPeriod } from './forecast-period.js';

export type PeriodActual = {
  /** Σ amount of deals closed won with a close date in the period, as known at `knownAtMs`. */
  actualMinor: number;
  deals: number;
  /** Of those, the wins recorded after the period ended (dated inside it after the fact). */
  backdated: { deals: number; amountMinor: number };
  /** Each deal's outcome: won with a close date in the period, as known at `knownAtMs`. */
  wonIds: ReadonlySet<string>;
};

/**
 * What a period really booked: every deal whose state at `knownAtMs` (usually now) is won with a
 * close date inside the period. A win recorded after the period ended but dated inside it counts,
 * and is reported as backdated (its recording time — the source's own for imports — is after the
 * period's end).
 */
export function computePeriodActual(
  timelines: readonly DealTimeline[],
  period: ForecastPeriod,
  knownAtMs: number,
): PeriodActual {
  let actual = 0;
  let deals = 0;
  const backdated = { deals: 0, amountMinor: 0 };
  const wonIds = new Set<string>();
  for (const timeline of timelines) {
    const state = findVersionAt(timeline, knownAtMs);
    if (!state?.isWon || state.closeDate === null) continue;
    if (state.closeDate < period.startDay || state.closeDate >= period.endDay) continue;
    wonIds.add(timeline.id);
    const amount = state.amountMinor ?? 0;
    actual += amount;
    deals += 1;
    if (state.closedRecordedAtMs !== null && state.closedRecordedAtMs >= period.endMs) {
      backdated.deals += 1;
      backdated.amountMinor += amount;
    }
  }
  return { actualMinor: actual, deals, backdated, wonIds };
}
