import { describe, expect, it } from 'vitest';
import { parseImportDay, parseImportInstant } from './parse-import-time.js';

const iso = (text: string, timeZone = 'UTC', format?: string) => {
  const outcome = parseImportInstant(text, { timeZone, format });
  return outcome.ok ? outcome.value.toISOString() : `error: ${outcome.reason}`;
};

describe('parseImportInstant', () => {
  it('reads Salesforce export timestamps in the organisation’s zone', () => {
    expect(iso('2018-10-13 17:16:45')).toBe('2018-10-13T17:16:45.000Z');
    expect(iso('2023-01-10 09:00:00', 'Europe/Paris')).toBe('2023-01-10T08:00:00.000Z');
    expect(iso('2023-07-10 09:00:00', 'Europe/Paris')).toBe('2023-07-10T07:00:00.000Z');
    expect(iso('2023-03-12 12:30:00', 'America/New_York')).toBe('2023-03-12T16:30:00.000Z');
  });

  it('honours a zone written in the text, whatever the organisation’s zone', () => {
    expect(iso('2018-10-13T17:16:45.123Z', 'Asia/Tokyo')).toBe('2018-10-13T17:16:45.123Z');
    expect(iso('2018-10-13T17:16:45.000+0000', 'Asia/Tokyo')).toBe('2018-10-13T17:16:45.000Z');
    expect(iso('2018-10-13T19:16:45+02:00')).toBe('2018-10-13T17:16:45.000Z');
    expect(iso('2018-10-13T12:16-05')).toBe('2018-10-13T17:16:00.000Z');
  });

  it('reads a bare date as midnight in the organisation’s zone', () => {
    expect(iso('2018-08-22', 'America/New_York')).toBe('2018-08-22T04:00:00.000Z');
  });

  it('reads the formats a mapping declares', () => {
    expect(iso('08/22/2018', 'UTC', 'MM/dd/yyyy')).toBe('2018-08-22T00:00:00.000Z');
    expect(iso('22.08.2018 14:05', 'Europe/Berlin', 'dd.MM.yyyy HH:mm')).toBe('2018-08-22T12:05:00.000Z');
  });

  it('refuses what is not a real date and time', () => {
    expect(iso('2023-02-30 10:00:00')).toBe('error: not a real date and time');
    expect(iso('2023-02-10 24:00:00')).toBe('error: not a real date and time');
    expect(iso('yesterday')).toMatch(/^error: expected a date and time such as/);
    expect(iso('2018-22-08', 'UTC', 'MM/dd/yyyy')).toBe('error: expected a date in the format MM/dd/yyyy');
    expect(iso('   ')).toBe('error: a date and time is required');
  });
});

describe('parseImportDay', () => {
  it('keeps the date as written, whatever time or zone follows', () => {
    expect(parseImportDay('2018-08-22 00:00:00')).toEqual({ ok: true, value: '2018-08-22' });
    expect(parseImportDay('2018-08-22T23:30:00-08:00')).toEqual({ ok: true, value: '2018-08-22' });
    expect(parseImportDay('8/2/2018', 'M/d/yyyy')).toEqual({ ok: true, value: '2018-08-02' });
  });

  it('refuses impossible days', () => {
    expect(parseImportDay('2023-02-29')).toEqual({ ok: false, reason: 'not a real calendar date' });
    expect(parseImportDay('2024-02-29')).toEqual({ ok: true, value: '2024-02-29' });
    expect(parseImportDay('31/12/2023')).toEqual({ ok: false, reason: 'expected a date such as 2018-08-22' });
  });
});
