import { DateTime } from 'luxon';
import { DomainError } from './domain-error.js';

/**
 * The fiscal calendar. Periods are strings:
 * - fiscal year `2026`, fiscal quarter `2026-Q3`, fiscal week `2026-W14`;
 * - month `2026-03`, a calendar month (unambiguous whatever the fiscal year start).
 *
 * A fiscal year starting in February and named by its end (the Salesforce default) makes
 * FY2027 run from 2026-02-01 to 2027-01-31. Week 1 of a fiscal year begins on the week-start day
 * on or before the year's first day, so a fiscal year has 52 or 53 weeks.
 *
 * Dates are plain `YYYY-MM-DD` strings (days, not instants). Where a period meets a clock, its
 * bounds are midnight in the organisation's time zone (`periodInstants`).
 */
export type FiscalCalendar = {
  fiscalYearStartMonth: number;
  fiscalYearNamedBy: 'start' | 'end';
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekStartDay: number;
  timeZone: string;
};

export type PeriodKind = 'year' | 'quarter' | 'month' | 'week';
export type Period = { kind: PeriodKind; year: number; index: number };

/** A half-open range of days: `start` is the first day, `end` the first day after. */
export type DateRange = { start: string; end: string };

const patterns: [PeriodKind, RegExp][] = [
  ['quarter', /^(\d{4})-Q([1-4])$/],
  ['week', /^(\d{4})-W(\d{1,2})$/],
  ['month', /^(\d{4})-(\d{2})$/],
  ['year', /^(?:FY)?(\d{4})$/],
];

export function parsePeriod(text: string): Period {
  for (const [kind, pattern] of patterns) {
    const match = pattern.exec(text.trim());
    if (!match) continue;
    const year = Number(match[1]);
    const index = kind === 'year' ? 1 : Number(match[2]);
    if (kind === 'month' && (index < 1 || index > 12)) break;
    if (kind === 'week' && (index < 1 || index > 53)) break;
    return { kind, year, index };
  }
  throw new DomainError('invalid-input', `'${text}' is not a period`, [
    {
      value: text,
      reason: 'expected a fiscal quarter (2026-Q3), month (2026-03), week (2026-W14) or year (2026)',
    },
  ]);
}

export function formatPeriod(period: Period): string {
  switch (period.kind) {
    case 'year':
      return String(period.year);
    case 'quarter':
      return `${period.year}-Q${period.index}`;
    case 'month':
      return `${period.year}-${String(period.index).padStart(2, '0')}`;
    case 'week':
      return `${period.year}-W${String(period.index).padStart(2, '0')}`;
  }
}

function date(year: number, month: number, day = 1): DateTime {
  return DateTime.utc(year, month, day);
}

function iso(value: DateTime): string {
  return value.toISODate() ?? '';
}

/** First day of the fiscal year named `year`. */
function fiscalYearStart(calendar: FiscalCalendar, year: number): DateTime {
  const shift = calendar.fiscalYearStartMonth !== 1 && calendar.fiscalYearNamedBy === 'end' ? -1 : 0;
  return date(year + shift, calendar.fiscalYearStartMonth);
}

/** The week-start day on or before the first day of fiscal year `year`. */
function firstWeekStart(calendar: FiscalCalendar, year: number): DateTime {
  const start = fiscalYearStart(calendar, year);
  const back = (start.weekday - calendar.weekStartDay + 7) % 7;
  return start.minus({ days: back });
}

/** The days a period covers. */
export function periodDates(calendar: FiscalCalendar, periodText: string): DateRange {
  const period = parsePeriod(periodText);
  switch (period.kind) {
    case 'year': {
      const start = fiscalYearStart(calendar, period.year);
      return { start: iso(start), end: iso(start.plus({ years: 1 })) };
    }
    case 'quarter': {
      const start = fiscalYearStart(calendar, period.year).plus({ months: 3 * (period.index - 1) });
      return { start: iso(start), end: iso(start.plus({ months: 3 })) };
    }
    case 'month': {
      const start = date(period.year, period.index);
      return { start: iso(start), end: iso(start.plus({ months: 1 })) };
    }
    case 'week': {
      const start = firstWeekStart(calendar, period.year).plus({ weeks: period.index - 1 });
      if (start >= firstWeekStart(calendar, period.year + 1)) {
        throw new DomainError('invalid-input', `fiscal year ${period.year} has no week ${period.index}`);
      }
      return { start: iso(start), end: iso(start.plus({ weeks: 1 })) };
    }
  }
}

/** The fiscal year a day belongs to. */
export function fiscalYearOf(calendar: FiscalCalendar, day: string): number {
  const value = parseDay(day);
  const guess =
    value.year + (calendar.fiscalYearStartMonth !== 1 && calendar.fiscalYearNamedBy === 'end' ? 1 : 0);
  for (const year of [guess + 1, guess, guess - 1]) {
    if (fiscalYearStart(calendar, year) <= value) return year;
  }
  return guess - 1;
}

/** The period of the given kind that contains a day. */
export function periodContaining(calendar: FiscalCalendar, day: string, kind: PeriodKind): string {
  const value = parseDay(day);
  if (kind === 'month') return formatPeriod({ kind, year: value.year, index: value.month });
  const year = fiscalYearOf(calendar, day);
  if (kind === 'year') return formatPeriod({ kind, year, index: 1 });
  if (kind === 'quarter') {
    const months = Math.floor(value.diff(fiscalYearStart(calendar, year), 'months').months);
    return formatPeriod({ kind, year, index: Math.floor(months / 3) + 1 });
  }
  const weekYear = value >= firstWeekStart(calendar, year + 1) ? year + 1 : year;
  const days = Math.round(value.diff(firstWeekStart(calendar, weekYear), 'days').days);
  return formatPeriod({ kind, year: weekYear, index: Math.floor(days / 7) + 1 });
}

/** The week of a period (1-based) that contains a day, counted from the period's first day. */
export function weekOfPeriod(calendar: FiscalCalendar, periodText: string, day: string): number {
  const { start } = periodDates(calendar, periodText);
  const days = Math.round(parseDay(day).diff(parseDay(start), 'days').days);
  return Math.floor(days / 7) + 1;
}

/** A period's bounds as instants: midnight of its first day and of the day after, in the org's zone. */
export function periodInstants(calendar: FiscalCalendar, periodText: string): { start: Date; end: Date } {
  const { start, end } = periodDates(calendar, periodText);
  return { start: startOfDay(start, calendar.timeZone), end: startOfDay(end, calendar.timeZone) };
}

/**
 * Midnight at the start of each day seen, per time zone, in epoch milliseconds. Lists and reports ask
 * for the same few hundred days over and over (every closed deal's close day), and a zoned luxon
 * DateTime costs tens of microseconds each time. Bounded: cleared when it grows past 20,000 days.
 */
const dayStarts = new Map<string, number>();

/** Midnight at the start of a day in a time zone. */
export function startOfDay(day: string, timeZone: string): Date {
  const key = `${timeZone}|${day}`;
  const known = dayStarts.get(key);
  if (known !== undefined) return new Date(known);
  const value = DateTime.fromISO(day, { zone: timeZone });
  if (!value.isValid) throw new DomainError('invalid-input', `'${day}' is not a day in zone ${timeZone}`);
  const start = value.startOf('day').toMillis();
  if (dayStarts.size >= 20_000) dayStarts.clear();
  dayStarts.set(key, start);
  return new Date(start);
}

/** The calendar day an instant falls on in a time zone. */
export function dayInZone(instant: Date, timeZone: string): string {
  return DateTime.fromJSDate(instant, { zone: timeZone }).toISODate() ?? '';
}

/** Days between two days (`to - from`). */
export function daysBetween(from: string, to: string): number {
  return Math.round(parseDay(to).diff(parseDay(from), 'days').days);
}

export function addDays(day: string, days: number): string {
  return iso(parseDay(day).plus({ days }));
}

function parseDay(day: string): DateTime {
  const value = DateTime.fromISO(day, { zone: 'utc' });
  if (!value.isValid || !/^\d{4}-\d{2}-\d{2}$/.test(day)) {
    throw new DomainError('invalid-input', `'${day}' is not a date`, [
      { value: day, reason: 'expected YYYY-MM-DD' },
    ]);
  }
  return value;
}

/** Checks that a time zone name is one the runtime knows. */
export function isValidTimeZone(timeZone: string): boolean {
  return DateTime.local().setZone(timeZone).isValid;
}
