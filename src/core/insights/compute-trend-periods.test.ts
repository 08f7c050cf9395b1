import { describe, expect, it } from 'vitest';
import { computeTrendPeriods } from './compute-trend-periods.js';

describe('computeTrendPeriods', () => {
  it('counts back across fiscal years', () => {
    expect(computeTrendPeriods('2023-Q2', 4)).toEqual(['2022-Q3', '2022-Q4', '2023-Q1', '2023-Q2']);
    expect(computeTrendPeriods('2023-02', 3)).toEqual(['2022-12', '2023-01', '2023-02']);
    expect(computeTrendPeriods('2023', 2)).toEqual(['2022', '2023']);
  });
});
