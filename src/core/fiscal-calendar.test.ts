import { describe, expect, it } from 'vitest';
import {
  dayInZone,
  fiscalYearOf,
  parsePeriod,
  periodContaining,
  periodDates,
  periodInstants,
  weekOfPeriod,
  type FiscalCalendar,
} from './fiscal-calendar.js';

const calendarYear: FiscalCalendar = {
  fiscalYearStartMonth: 1,
  fiscalYearNamedBy: 'end',
  weekStartDay: 1,
  timeZone: 'UTC',
};
const februaryEnd: FiscalCalendar = { ...calendarYear, fiscalYearStartMonth: 2 };
const aprilStart: FiscalCalendar = { ...calendarYear, fiscalYearStartMonth: 4, fiscalYearNamedBy: 'start' };

describe('periods on a calendar fiscal year', () => {
  it('gives the days of quarters, months and years as half-open ranges', () => {
    expect(periodDates(calendarYear, '2023-Q2')).toEqual({ start: '2023-04-01', end: '2023-07-01' });
    expect(periodDates(calendarYear, '2023-Q4')).toEqual({ start: '2023-10-01', end: '2024-01-01' });
    expect(periodDates(calendarYear, '2024-02')).toEqual({ start: '2024-02-01', end: '2024-03-01' });
    expect(periodDates(calendarYear, '2023')).toEqual({ start: '2023-01-01', end: '2024-01-01' });
  });

  it('starts week 1 on the Monday on or before the first day of the year', () => {
    // 2023-01-01 is a Sunday, so week 1 begins on Monday 2022-12-26.
    expect(periodDates(calendarYear, '2023-W01')).toEqual({ start: '2022-12-26', end: '2023-01-02' });
    expect(periodContaining(calendarYear, '2023-01-01', 'week')).toBe('2023-W01');
    expect(periodContaining(calendarYear, '2022-12-26', 'week')).toBe('2023-W01');
    expect(periodContaining(calendarYear, '2022-12-25', 'week')).toBe('2022-W52');
  });
});

describe('a fiscal year starting in February, named by its end', () => {
  it('puts February 2026 in the first quarter of FY2027', () => {
    expect(periodDates(februaryEnd, '2027-Q1')).toEqual({ start: '2026-02-01', end: '2026-05-01' });
    expect(periodDates(februaryEnd, '2027-Q4')).toEqual({ start: '2026-11-01', end: '2027-02-01' });
    expect(fiscalYearOf(februaryEnd, '2026-02-01')).toBe(2027);
    expect(fiscalYearOf(februaryEnd, '2026-01-31')).toBe(2026);
    expect(periodContaining(februaryEnd, '2027-01-15', 'quarter')).toBe('2027-Q4');
  });
});

describe('a fiscal year starting in April, named by its start', () => {
  it('puts March 2027 in the last quarter of FY2026', () => {
    expect(periodDates(aprilStart, '2026-Q1')).toEqual({ start: '2026-04-01', end: '2026-07-01' });
    expect(periodContaining(aprilStart, '2027-03-31', 'quarter')).toBe('2026-Q4');
    expect(periodContaining(aprilStart, '2027-04-01', 'quarter')).toBe('2027-Q1');
  });
});

describe('weeks of a period and instants', () => {
  it('counts weeks from the first day of the period', () => {
    expect(weekOfPeriod(calendarYear, '2023-Q2', '2023-04-01')).toBe(1);
    expect(weekOfPeriod(calendarYear, '2023-Q2', '2023-04-08')).toBe(2);
    expect(weekOfPeriod(calendarYear, '2023-Q2', '2023-06-30')).toBe(13);
  });

  it('places period bounds at midnight in the organisation zone', () => {
    const newYork = { ...calendarYear, timeZone: 'America/New_York' };
    const { start, end } = periodInstants(newYork, '2023-Q2');
    expect(start.toISOString()).toBe('2023-04-01T04:00:00.000Z');
    expect(end.toISOString()).toBe('2023-07-01T04:00:00.000Z');
  });

  it('tells the day of an instant in a zone, across the date line', () => {
    const instant = new Date('2023-03-31T23:30:00Z');
    expect(dayInZone(instant, 'UTC')).toBe('2023-03-31');
    expect(dayInZone(instant, 'Asia/Tokyo')).toBe('2023-04-01');
    expect(dayInZone(instant, 'America/Los_Angeles')).toBe('2023-03-31');
  });
});

describe('parsePeriod', () => {
  it('reads each period kind', () => {
    expect(parsePeriod('2023-Q2')).toEqual({ kind: 'quarter', year: 2023, index: 2 });
    expect(parsePeriod('2023-W14')).toEqual({ kind: 'week', year: 2023, index: 14 });
    expect(parsePeriod('2023-04')).toEqual({ kind: 'month', year: 2023, index: 4 });
    expect(parsePeriod('FY2023')).toEqual({ kind: 'year', year: 2023, index: 1 });
  });

  it('refuses what is not a period, saying what is expected', () => {
    expect(() => parsePeriod('2023-Q5')).toThrow("'2023-Q5' is not a period");
    expect(() => parsePeriod('2023-13')).toThrow(/not a period/);
    expect(() => parsePeriod('Q2')).toThrow(/not a period/);
  });
});
