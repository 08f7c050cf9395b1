import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, startOfDay } from '../fiscal-calendar.js';
import { daysBetweenDays, startOfDayAfter } from './hygiene-time.js';

describe('hygiene day arithmetic', () => {
  it('counts days between days as the fiscal calendar does, across month, year and leap day', () => {
    const pairs = [
      ['2026-03-31', '2026-04-11'],
      ['2025-12-30', '2026-01-02'],
      ['2024-02-28', '2024-03-01'],
      ['2026-05-12', '2026-05-12'],
      ['2026-06-30', '2026-03-31'],
    ] as const;
    for (const [from, to] of pairs) expect(daysBetweenDays(from, to)).toBe(daysBetween(from, to));
    expect(daysBetweenDays('2024-02-28', '2024-03-01')).toBe(2);
  });

  it('refuses what is not a calendar day, as the fiscal calendar does', () => {
    expect(() => daysBetweenDays('2026-02-30', '2026-03-31')).toThrow(/'2026-02-30' is not a date/);
    expect(() => daysBetweenDays('2026-3-1', '2026-03-31')).toThrow(/not a date/);
  });

  it('gives the start of the next day in the zone, the same on a second asking and across a clock change', () => {
    for (const [day, zone] of [
      ['2026-03-31', 'America/New_York'],
      ['2026-03-07', 'America/New_York'],
      ['2026-03-28', 'Europe/Berlin'],
      ['2026-12-31', 'UTC'],
    ] as const) {
      const expected = startOfDay(addDays(day, 1), zone);
      expect(startOfDayAfter(day, zone)).toEqual(expected);
      expect(startOfDayAfter(day, zone)).toEqual(expected);
    }
    expect(startOfDayAfter('2026-03-31', 'America/New_York').toISOString()).toBe('2026-04-01T04:00:00.000Z');
    expect(startOfDayAfter('2026-03-07', 'America/New_York').toISOString()).toBe('2026-03-08T05:00:00.000Z');
  });
});
