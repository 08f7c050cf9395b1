import { periodContaining, periodDates, type FiscalCalendar } from '../fiscal-calendar.js';

/**
 * The period of each quota that starts on a day (Salesforce's ForecastingQuota gives a StartDate,
 * not the period). Forecasts run by month or by quarter for a whole organisation, so the file
 * decides as a whole: when every start date is the first day of a fiscal quarter the quotas are
 * quarterly, otherwise monthly (a monthly file has start dates that begin no quarter, such as the
 * second month of one). A monthly quota that does not start on the first of its month is still
 * that month's.
 */
export function assignQuotaPeriods(
  calendar: FiscalCalendar,
  startDates: readonly string[],
): { kind: 'quarter' | 'month'; periodOf: (day: string) => string } {
  const quarterly = startDates.every(
    (day) => periodDates(calendar, periodContaining(calendar, day, 'quarter')).start === day,
  );
  const kind = quarterly ? 'quarter' : 'month';
  return { kind, periodOf: (day) => periodContaining(calendar, day, kind) };
}
