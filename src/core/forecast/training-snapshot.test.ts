import { describe, expect, it } from 'vitest';
import { computeTrainingSnapshots } from './training-snapshot.js';
import { lost, ms, quarter, timeline, won } from './test-timelines.test-support.js';

const q1 = quarter('2023-Q1');

describe('computeTrainingSnapshots', () => {
  // Weeks of 2023-Q1 start Jan 1, 8, 15, 22, 29, Feb 5, 12, 19, 26, Mar 5, 12, 19, 26.
  const history = [
    timeline('won-in-q', [{ at: '2022-12-15', closeDate: '2023-02-15' }, won('2023-02-10')]),
    timeline('lost', [{ at: '2022-12-20', closeDate: '2023-03-20' }, lost('2023-03-01')]),
    timeline('slipped', [
      { at: '2022-12-01', closeDate: '2023-03-25' },
      { at: '2023-03-10', closeDate: '2023-04-15', pushCount: 1 },
      won('2023-04-10'),
    ]),
    timeline('later-quarter', [{ at: '2023-01-02', closeDate: '2023-05-01' }]),
  ];

  it('takes one snapshot per week a deal was open with its close date in the period', () => {
    const rows = computeTrainingSnapshots(history, { periods: [q1], asOfMs: ms('2023-05-01') });
    const weeksOf = (id: string) => rows.filter((r) => r.dealId === id).map((r) => r.week);
    expect(weeksOf('won-in-q')).toEqual([1, 2, 3, 4, 5, 6]);
    expect(weeksOf('lost')).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // Open until Mar 10 with a Q1 close date: weeks 1 to 10 (Mar 5); from Mar 12 it is Q2's.
    expect(weeksOf('slipped')).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(weeksOf('later-quarter')).toEqual([]);
  });

  it('labels each with its outcome as known at the as-of moment', () => {
    const rows = computeTrainingSnapshots(history, { periods: [q1], asOfMs: ms('2023-05-01') });
    const first = (id: string) => rows.find((r) => r.dealId === id && r.week === 1);
    expect(first('won-in-q')).toMatchObject({
      wonEver: true,
      wonInPeriod: true,
      wonAmountMinor: 1000,
      ageDays: 17,
    });
    expect(first('lost')).toMatchObject({ wonEver: false, wonInPeriod: false, closed: true });
    expect(first('slipped')).toMatchObject({ wonEver: true, wonInPeriod: false, ageDays: 31 });
  });

  it('does not learn from a period that had not ended at the as-of moment', () => {
    expect(computeTrainingSnapshots(history, { periods: [q1], asOfMs: ms('2023-03-31') })).toEqual([]);
  });

  it('reads outcomes as of the moment: a win after it is not yet a win', () => {
    const rows = computeTrainingSnapshots(history, { periods: [q1], asOfMs: ms('2023-04-05') });
    expect(rows.find((r) => r.dealId === 'slipped')).toMatchObject({ wonEver: false, closed: false });
  });
});
