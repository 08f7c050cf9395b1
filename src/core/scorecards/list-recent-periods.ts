import {
  addDays,
  parsePeriod,
  periodContaining,
  periodDates,
  type FiscalCalendar,
} from '../fiscal-calendar.js';

/** The `count` periods of the same kind before `period` and `period` itself, oldest first. */
export function listRecentPeriods(calendar: FiscalCalendar, period: string, count: number): string[] {
  const kind = parsePeriod(period).kind;
  const periods = [period];
  for (let i = 0; i < count; i += 1) {
    const first = periods[0] ?? period;
    periods.unshift(periodContaining(calendar, addDays(periodDates(calendar, first).start, -1), kind));
  }
  return periods;
}
