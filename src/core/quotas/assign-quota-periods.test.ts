import { describe, expect, it } from 'vitest';
import type { FiscalCalendar } from '../fiscal-calendar.js';
import { assignQuotaPeriods } from './assign-quota-periods.js';

// Fiscal year from February, named by its end year (FY2024 = 2023-02-01 .. 2024-01-31).
const calendar: FiscalCalendar = {
  fiscalYearStartMonth: 2,
  fiscalYearNamedBy: 'end',
  weekStartDay: 1,
  timeZone: 'UTC',
};

describe('assignQuotaPeriods', () => {
  it('reads start dates that all begin fiscal quarters as quarterly quotas', () => {
    const periods = assignQuotaPeriods(calendar, ['2023-02-01', '2023-05-01', '2023-08-01']);
    expect(periods.kind).toBe('quarter');
    expect(periods.periodOf('2023-02-01')).toBe('2024-Q1');
    expect(periods.periodOf('2023-05-01')).toBe('2024-Q2');
  });

  it('reads a file with a start date inside a quarter as monthly quotas', () => {
    const periods = assignQuotaPeriods(calendar, ['2023-02-01', '2023-03-01', '2023-04-01']);
    expect(periods.kind).toBe('month');
    expect(periods.periodOf('2023-03-01')).toBe('2023-03');
  });
});
