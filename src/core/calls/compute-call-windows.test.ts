import { describe, expect, it } from 'vitest';
import type { FiscalCalendar } from '../fiscal-calendar.js';
import { defaultCallPolicy } from './call-policy.js';
import { computeCallWindows, findCallWindow } from './compute-call-windows.js';

const utc: FiscalCalendar = {
  fiscalYearStartMonth: 1,
  fiscalYearNamedBy: 'end',
  weekStartDay: 1,
  timeZone: 'UTC',
};

describe('computeCallWindows', () => {
  it('gives a 91-day quarter starting on a Wednesday thirteen Thursday due times', () => {
    // 2026-Q2 runs 2026-04-01 (a Wednesday) to 2026-07-01; week 1 is 04-01..04-07, its Thursday 04-02.
    const windows = computeCallWindows(utc, '2026-Q2', defaultCallPolicy);
    expect(windows).toHaveLength(13);
    expect(windows[0]).toEqual({ week: 1, opensAfter: null, dueAt: new Date('2026-04-02T17:00:00Z') });
    expect(windows[1]).toEqual({
      week: 2,
      opensAfter: new Date('2026-04-02T17:00:00Z'),
      dueAt: new Date('2026-04-09T17:00:00Z'),
    });
    expect(windows.at(-1)?.dueAt).toEqual(new Date('2026-06-25T17:00:00Z'));
  });

  it('places the due time in the organisation time zone', () => {
    const berlin = { ...utc, timeZone: 'Europe/Berlin' };
    const windows = computeCallWindows(berlin, '2026-Q2', {
      ...defaultCallPolicy,
      dueWeekday: 1,
      dueTime: '09:30',
    });
    // Week 1 is 04-01..04-07 (Berlin days); its Monday is 04-06, 09:30 CEST = 07:30 UTC.
    expect(windows[0]?.dueAt).toEqual(new Date('2026-04-06T07:30:00Z'));
  });

  it('keeps a last partial week only when its due day is inside the period', () => {
    // 2026-Q3: 07-01 (Wed) .. 10-01, 92 days: week 14 is the single day 09-30 (a Wednesday).
    const wednesday = computeCallWindows(utc, '2026-Q3', { ...defaultCallPolicy, dueWeekday: 3 });
    expect(wednesday.map((w) => w.week).at(-1)).toBe(14);
    expect(wednesday.at(-1)?.dueAt).toEqual(new Date('2026-09-30T17:00:00Z'));
    const thursday = computeCallWindows(utc, '2026-Q3', defaultCallPolicy);
    expect(thursday.map((w) => w.week).at(-1)).toBe(13);
  });

  it('has only even weeks with a fortnightly cadence', () => {
    const windows = computeCallWindows(utc, '2026-Q2', { ...defaultCallPolicy, cadence: 'fortnightly' });
    expect(windows.map((w) => w.week)).toEqual([2, 4, 6, 8, 10, 12]);
    expect(windows[0]?.opensAfter).toBeNull();
    expect(windows[1]?.opensAfter).toEqual(new Date('2026-04-09T17:00:00Z'));
  });
});

describe('findCallWindow', () => {
  const windows = computeCallWindows(utc, '2026-Q2', defaultCallPolicy);
  it('counts a call at the due time for that week and one a second later for the next', () => {
    expect(findCallWindow(windows, new Date('2026-04-09T17:00:00Z'))?.week).toBe(2);
    expect(findCallWindow(windows, new Date('2026-04-09T17:00:01Z'))?.week).toBe(3);
  });
  it('counts a call made before the period for week 1 and refuses one after the last due time', () => {
    expect(findCallWindow(windows, new Date('2026-03-20T10:00:00Z'))?.week).toBe(1);
    expect(findCallWindow(windows, new Date('2026-06-25T17:00:01Z'))).toBeNull();
  });
});
