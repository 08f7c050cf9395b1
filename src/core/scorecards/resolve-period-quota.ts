import {
  daysBetween,
  parsePeriod,
  periodContaining,
  periodDates,
  type FiscalCalendar,
} from '../fiscal-calendar.js';
import { divideRoundHalfAway } from '../money.js';

export type PeriodQuota = {
  minor: bigint | null;
  /** `set` for the period itself; `prorated` from the quarter containing it; `none`. */
  source: 'set' | 'prorated' | 'none';
  /** The period whose quota was used. */
  from: string | null;
};

/**
 * The quota a subject has for a period. A quarter or month with its own quota uses it. A week, or
 * a month without one, takes the quarter's quota in proportion to the days it shares with that
 * quarter (`quota × days / days of the quarter`, rounded half away from zero): a week of a 91-day
 * quarter carries 7/91 of it. A week straddling two quarters counts only its days in the quarter
 * containing its first day.
 */
export function resolvePeriodQuota(
  calendar: FiscalCalendar,
  period: string,
  quotaOf: (period: string) => bigint | null,
): PeriodQuota {
  const own = quotaOf(period);
  const kind = parsePeriod(period).kind;
  if (own !== null) return { minor: own, source: 'set', from: period };
  if (kind === 'quarter' || kind === 'year') return { minor: null, source: 'none', from: null };
  const dates = periodDates(calendar, period);
  const quarter = periodContaining(calendar, dates.start, 'quarter');
  const quarterQuota = quotaOf(quarter);
  if (quarterQuota === null) return { minor: null, source: 'none', from: null };
  const quarterDates = periodDates(calendar, quarter);
  const end = dates.end < quarterDates.end ? dates.end : quarterDates.end;
  const days = daysBetween(dates.start, end);
  const quarterDays = daysBetween(quarterDates.start, quarterDates.end);
  return {
    minor: divideRoundHalfAway(quarterQuota * BigInt(days), BigInt(quarterDays)),
    source: 'prorated',
    from: quarter,
  };
}
