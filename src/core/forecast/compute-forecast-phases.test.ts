import { describe, expect, it } from 'vitest';
import { computeForecast, type ForecastPhase } from './compute-forecast.js';
import { ms, quarter } from './test-timelines.test-support.js';

describe('computeForecast steps', () => {
  it('reports each step in order as it ends, and the same figures as without the callback', () => {
    const input = {
      period: quarter('2023-Q3'),
      trainingPeriods: [quarter('2023-Q2'), quarter('2023-Q1')],
      asOfMs: ms('2023-07-20'),
      history: [],
      includeOwner: () => true,
      stageDefaults: new Map([['Discovery', 0.4]]),
      trials: 200,
      periodDeals: [
        {
          id: 'a',
          ownerId: 'rep',
          state: {
            validFromMs: ms('2023-06-01'),
            validToMs: Infinity,
            stage: 'Discovery',
            probability01: 0.4,
            category: 'Pipeline' as const,
            isClosed: false,
            isWon: false,
            closeDate: '2023-08-15',
            amountMinor: 100,
            createdAtMs: ms('2023-06-01'),
            stageEnteredAtMs: ms('2023-06-01'),
            pushCount: 0,
            closedRecordedAtMs: null,
          },
        },
      ],
    };
    const phases: ForecastPhase[] = [];
    const timed = computeForecast({ ...input, onPhaseEnd: (phase) => phases.push(phase) });
    expect(phases).toEqual(['point forecast', 'past errors', 'simulation', 'quantiles']);
    expect(timed).toEqual(computeForecast(input));
  });
});
