import {
  addDays,
  periodContaining,
  periodDates,
  periodInstants,
  type FiscalCalendar,
} from '../fiscal-calendar.js';

const weekMs = 7 * 24 * 3_600_000;

/** A fiscal period with its days and its instants, as the forecast reads it. */
export type ForecastPeriod = {
  name: string;
  startDay: string;
  /** First day after the period. */
  endDay: string;
  startMs: number;
  endMs: number;
  weeks: number;
};

export function computeForecastPeriod(calendar: FiscalCalendar, name: string): ForecastPeriod {
  const days = periodDates(calendar, name);
  const instants = periodInstants(calendar, name);
  const startMs = instants.start.getTime();
  const endMs = instants.end.getTime();
  return {
    name,
    startDay: days.start,
    endDay: days.end,
    startMs,
    endMs,
    weeks: Math.ceil((endMs - startMs) / weekMs),
  };
}

/** The `count` periods of the same kind just before `period`, most recent first. */
export function computePreviousPeriods(
  calendar: FiscalCalendar,
  period: ForecastPeriod,
  count: number,
): ForecastPeriod[] {
  const kind = periodKindOf(period.name);
  const previous: ForecastPeriod[] = [];
  let startDay = period.startDay;
  for (let i = 0; i < count; i += 1) {
    const name = periodContaining(calendar, addDays(startDay, -1), kind);
    const found = computeForecastPeriod(calendar, name);
    previous.push(found);
    startDay = found.startDay;
  }
  return previous;
}

/** The week of the period (1-based, clamped to the period) an instant falls in. */
export function computeWeekOfPeriod(period: ForecastPeriod, atMs: number): number {
  const week = Math.floor((atMs - period.startMs) / weekMs) + 1;
  return Math.min(Math.max(week, 1), period.weeks);
}

/** The instant at the start of week `week` of the period. */
export function computeWeekStartMs(period: ForecastPeriod, week: number): number {
  return period.startMs + (week - 1) * weekMs;
}

function periodKindOf(name: string): 'year' | 'quarter' | 'month' | 'week' {
  if (/-Q[1-4]$/.test(name)) return 'quarter';
  if (/-W\d{1,2}$/.test(name)) return 'week';
  if (/^\d{4}-\d{2}$/.test(name)) return 'month';
  return 'year';
}

export const msPerWeek = weekMs;
export const msPerDay = 24 * 3_600_000;
