import { describe, expect, it } from 'vitest';
import { listQuarterSpans, spanHolding } from './quarter-spans.js';

describe('the months and weeks of a fiscal quarter', () => {
  it('names calendar months and Monday weeks of a calendar-year quarter, week 1 starting in December', () => {
    const spans = listQuarterSpans({
      quarter: '2026-Q1',
      quarterStart: '2026-01-01',
      quarterEnd: '2026-04-01',
      firstWeekStart: '2025-12-29',
    });
    expect(spans.months.map((m) => m.period)).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(spans.months[1]).toEqual({ period: '2026-02', start: '2026-02-01', end: '2026-03-01' });
    expect(spans.weeks[0]).toEqual({ period: '2026-W01', start: '2025-12-29', end: '2026-01-05' });
    expect(spans.weeks.at(-1)).toEqual({ period: '2026-W14', start: '2026-03-30', end: '2026-04-06' });
    expect(spans.weeks).toHaveLength(14);
  });

  it("gives the last days of a February-start year's fourth quarter to week 1 of the next fiscal year", () => {
    // FY2027 runs from 2026-02-01 (a Sunday) to 2027-01-31; weeks start on Sunday.
    const spans = listQuarterSpans({
      quarter: '2027-Q4',
      quarterStart: '2026-11-01',
      quarterEnd: '2027-02-01',
      firstWeekStart: '2026-02-01',
    });
    expect(spans.months.map((m) => m.period)).toEqual(['2026-11', '2026-12', '2027-01']);
    expect(spans.weeks[0]).toEqual({ period: '2027-W40', start: '2026-11-01', end: '2026-11-08' });
    expect(spans.weeks.slice(-2).map((w) => w.period)).toEqual(['2027-W52', '2028-W01']);
    expect(spans.weeks.at(-1)?.start).toBe('2027-01-31');
  });

  it('opens on the span holding today, else the first', () => {
    const { months } = listQuarterSpans({
      quarter: '2026-Q1',
      quarterStart: '2026-01-01',
      quarterEnd: '2026-04-01',
      firstWeekStart: '2025-12-29',
    });
    expect(spanHolding(months, '2026-02-28')?.period).toBe('2026-02');
    expect(spanHolding(months, '2026-09-01')?.period).toBe('2026-01');
    expect(
      listQuarterSpans({ quarter: 'nonsense', quarterStart: '', quarterEnd: '', firstWeekStart: '' }),
    ).toEqual({ months: [], weeks: [] });
  });
});
