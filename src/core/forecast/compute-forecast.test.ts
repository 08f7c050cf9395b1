import { describe, expect, it } from 'vitest';
import { computeBaselineForecasts } from './baseline-forecasts.js';
import { computeForecast, type PeriodDeal } from './compute-forecast.js';
import type { DealVersion } from './deal-timeline.js';
import { computePeriodActual } from './period-actual.js';
import { computeRunRate } from './run-rate.js';
import { lost, ms, quarter, timeline, won } from './test-timelines.test-support.js';

const q3 = quarter('2023-Q3');

function openDeal(id: string, change: Partial<DealVersion>): PeriodDeal {
  return {
    id,
    ownerId: 'rep',
    state: {
      validFromMs: ms('2023-06-01'),
      validToMs: Infinity,
      stage: 'Discovery',
      probability01: 0.5,
      category: 'Pipeline',
      isClosed: false,
      isWon: false,
      closeDate: '2023-08-15',
      amountMinor: 100,
      createdAtMs: ms('2023-06-01'),
      stageEnteredAtMs: ms('2023-06-01'),
      pushCount: 0,
      closedRecordedAtMs: null,
      ...change,
    },
  };
}

const base = {
  period: q3,
  trainingPeriods: [quarter('2023-Q2'), quarter('2023-Q1')],
  asOfMs: ms('2023-07-20'),
  history: [],
  includeOwner: () => true,
  stageDefaults: new Map([
    ['Discovery', 0.5],
    ['Signed', 1],
  ]),
  trials: 400,
};

describe('computeForecast without history', () => {
  it('says the data is thin and falls back to stage defaults and no run rate', () => {
    const result = computeForecast({
      ...base,
      periodDeals: [
        openDeal('a', {}),
        openDeal('b', {}),
        openDeal('w', {
          isClosed: true,
          isWon: true,
          stage: 'Won',
          amountMinor: 50,
          closeDate: '2023-07-05',
        }),
        openDeal('l', { isClosed: true, isWon: false, stage: 'Lost', amountMinor: 999 }),
      ],
    });
    // 50 won + 0.5 × 100 + 0.5 × 100.
    expect(result.expectedMinor).toBe(150);
    expect(result.closedWon).toEqual({ amountMinor: 50, deals: 1 });
    expect(result.open).toMatchObject({ expectedMinor: 100, deals: 2, method: 'stage-default' });
    expect(result.runRate.method).toBe('none');
    expect(result.thinData).toBe(true);
    expect(result.weekOfPeriod).toBe(3);
    expect(result.notes).toEqual([
      'only 0 closed deals in the training window (at least 30 needed): stage default probabilities, no slip',
      'only 0 won deals with amounts in the training window (at least 20 needed): amounts taken as they stand',
      'only 0 completed periods of history (at least 2 needed): no run rate for deals not yet in the pipeline',
      "only 0 comparable finished periods to measure the forecast's errors on (at least 2 needed): the range is the model's own, widened for the parts thin data leaves out (the uncertain part × e^(±0.5) at one standard deviation)",
    ]);
    // Deal outcomes are 50, 150 or 250 before the period's factor scales the uncertain 0, 100 or 200.
    expect(result.p10Minor).toBeGreaterThanOrEqual(50);
    expect(result.p10Minor).toBeLessThanOrEqual(result.p50Minor);
    expect(result.p50Minor).toBeLessThanOrEqual(result.p90Minor);
  });

  it('forecasts a pipeline of certain deals as exactly their sum', () => {
    const result = computeForecast({
      ...base,
      periodDeals: [
        openDeal('a', { stage: 'Signed', amountMinor: 700 }),
        openDeal('b', { stage: 'Signed', amountMinor: 300 }),
      ],
    });
    expect(result).toMatchObject({ expectedMinor: 1000, p10Minor: 1000, p50Minor: 1000, p90Minor: 1000 });
  });

  it('gives the same range for the same seed', () => {
    const input = {
      ...base,
      periodDeals: [openDeal('a', {}), openDeal('b', {}), openDeal('c', {})],
      seed: 7,
    };
    expect(computeForecast(input).p90Minor).toBe(computeForecast(input).p90Minor);
  });
});

describe('computeBaselineForecasts', () => {
  it('weights open deals by their recorded stage probability and adds Commit to closed won', () => {
    const baselines = computeBaselineForecasts(
      [
        openDeal('w', { isClosed: true, isWon: true, amountMinor: 100 }),
        openDeal('a', { amountMinor: 200, probability01: 0.25 }),
        openDeal('b', { amountMinor: 400, probability01: null, category: 'Commit' }),
        openDeal('n', { amountMinor: null, probability01: 0.9, category: 'Commit' }),
      ],
      new Map([['Discovery', 0.5]]),
    );
    // 100 + 200 × 0.25 + 400 × 0.5 (the stage default: none recorded); 100 + 400.
    expect(baselines).toEqual({ stageWeighted: 350, commitPlusClosed: 500 });
  });
});

describe('computePeriodActual', () => {
  it('counts wins dated in the period as known now, and names the late-recorded ones', () => {
    const history = [
      timeline('on-time', [{ at: '2023-07-01', amountMinor: 500 }, won('2023-08-01')]),
      timeline('late', [
        { at: '2023-07-01', amountMinor: 300 },
        { ...won('2023-09-20'), closedRecordedAtMs: ms('2023-10-04') },
      ]),
      timeline('next-quarter', [{ at: '2023-07-01', amountMinor: 900 }, won('2023-10-02')]),
      timeline('lost', [{ at: '2023-07-01' }, lost('2023-08-01')]),
    ];
    const actual = computePeriodActual(history, q3, ms('2024-01-01'));
    expect(actual).toMatchObject({ actualMinor: 800, deals: 2, backdated: { deals: 1, amountMinor: 300 } });
    expect([...actual.wonIds].sort()).toEqual(['late', 'on-time']);
  });
});

describe('computeRunRate', () => {
  it('averages what was created after the same point of past periods and won inside them', () => {
    const history = [
      timeline('old', [{ at: '2022-12-01', amountMinor: 1 }]),
      // Q2 starts Apr 1; the forecast stands 19 days in, so deals created from Apr 20 count.
      timeline('q2-late', [{ at: '2023-05-01', amountMinor: 400 }, won('2023-06-01')]),
      timeline('q2-early', [{ at: '2023-04-10', amountMinor: 999 }, won('2023-06-01')]),
      timeline('q1-late', [{ at: '2023-02-01', amountMinor: 200 }, won('2023-03-01')]),
      timeline('q1-slipped', [{ at: '2023-02-01', amountMinor: 700 }, won('2023-04-03')]),
    ];
    const rate = computeRunRate(history, {
      periods: [quarter('2023-Q2'), quarter('2023-Q1')],
      offsetMs: ms('2023-07-20') - q3.startMs,
      asOfMs: ms('2023-07-20'),
      includeOwner: () => true,
    });
    expect(rate.method).toBe('run-rate');
    expect(rate.periods).toEqual([
      { period: '2023-Q2', amountMinor: 400 },
      { period: '2023-Q1', amountMinor: 200 },
    ]);
    expect(rate.meanMinor).toBe(300);
    // Sample sd of 400 and 200.
    expect(rate.sdMinor).toBeCloseTo(Math.SQRT2 * 100, 9);
  });
});
