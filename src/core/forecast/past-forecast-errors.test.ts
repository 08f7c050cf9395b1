import { describe, expect, it } from 'vitest';
import { computePastForecastErrors } from './past-forecast-errors.js';
import { lost, ms, quarter, timeline, won } from './test-timelines.test-support.js';

const stageDefaults = new Map([['Discovery', 0.5]]);
const bothThin = ['win model', 'run rate'] as const;
const base = {
  period: quarter('2023-Q3'),
  trainingPeriods: [quarter('2023-Q2'), quarter('2023-Q1')],
  // 19 days into Q3: the past forecasts stand 19 days into their own quarters.
  asOfMs: ms('2023-07-20'),
  includeOwner: () => true,
  stageDefaults,
};

// Q2 as it stood on 2023-04-20: two open deals of 1,000 at the stage default 0.5 → 1,000 expected.
const history = [
  timeline('a', [{ at: '2023-04-01', closeDate: '2023-06-10' }, won('2023-06-10')]),
  timeline('b', [{ at: '2023-04-01', closeDate: '2023-06-15' }, lost('2023-06-15')]),
  // Created after that point and won inside Q2: business the pipeline did not show yet.
  timeline('c', [{ at: '2023-05-01', amountMinor: 500 }, won('2023-05-20')]),
  // Won in Q2 but recorded after the current as-of moment: not known yet, so not in the actual.
  timeline('late', [
    { at: '2023-04-01', amountMinor: 9000, closeDate: '2023-06-20' },
    { ...won('2023-06-20'), at: '2023-08-01' },
  ]),
];

describe('computePastForecastErrors', () => {
  it('replays the forecast of each finished period at the same point and compares it with what it booked', () => {
    const result = computePastForecastErrors({ ...base, history, currentThinParts: bothThin });
    // 'late' was open on 2023-04-20 too: 0.5 × 9,000 more expected; actual a + c = 1,500.
    expect(result.errors).toEqual([
      {
        period: '2023-Q2',
        asOfMs: ms('2023-04-20'),
        expectedMinor: 5500,
        closedMinor: 0,
        actualMinor: 1500,
        logError: Math.log(1500 / 5500),
        remainderLogError: Math.log(1500 / 5500),
      },
    ]);
    expect(result.skipped).toEqual([{ period: '2023-Q1', reason: 'booked nothing' }]);
  });

  it('leaves out thin-data past forecasts when the current forecast has its full method', () => {
    const result = computePastForecastErrors({ ...base, history, currentThinParts: [] });
    expect(result.errors).toEqual([]);
    expect(result.skipped[0]).toEqual({
      period: '2023-Q2',
      reason: 'forecast on thinner data than this one',
    });
  });

  it('leaves out a past forecast that fell back on a part the current one has', () => {
    // Q2's forecast had stage defaults and no run rate; the current one lacks only the run rate.
    const result = computePastForecastErrors({ ...base, history, currentThinParts: ['run rate'] });
    expect(result.errors).toEqual([]);
    expect(result.skipped[0]).toEqual({
      period: '2023-Q2',
      reason: 'forecast on thinner data than this one',
    });
  });

  it('compares a past forecast that fell back only where the current one does', () => {
    // The same Q2 point, as if its win model had had history: only its run rate was missing.
    const cache = new Map([
      [
        `2023-Q2@${ms('2023-04-20')}`,
        { expectedMinor: 5500, closedMinor: 0, thin: true, thinParts: ['run rate'] as const },
      ],
    ]);
    const result = computePastForecastErrors({ ...base, history, currentThinParts: ['run rate'], cache });
    expect(result.errors.map((e) => [e.period, e.expectedMinor])).toEqual([['2023-Q2', 5500]]);
  });

  it('carries a miss to the uncertain remainder when part of the period had already closed', () => {
    const closedEarly = [
      timeline('early', [{ at: '2023-04-01', amountMinor: 3000 }, won('2023-04-10')]),
      timeline('open', [{ at: '2023-04-01', closeDate: '2023-06-10' }, won('2023-06-10')]),
    ];
    const [error] = computePastForecastErrors({
      ...base,
      history: closedEarly,
      currentThinParts: bothThin,
    }).errors;
    // Expected 3,000 + 0.5 × 1,000 = 3,500, of which 500 uncertain; actual 4,000.
    expect(error?.logError).toBeCloseTo(Math.log(4000 / 3500), 12);
    expect(error?.remainderLogError).toBeCloseTo((Math.log(4000 / 3500) * 3500) / 500, 12);
  });
});
