import { describe, expect, it } from 'vitest';
import { addQuarters, currentQuarterText, parseQuarter, quartersAround } from './quarters.js';

describe('the quarters the picker offers', () => {
  it('offers four quarters back, the current one and two ahead, across year ends', () => {
    expect(quartersAround('2026-Q1', null)).toEqual([
      '2025-Q1',
      '2025-Q2',
      '2025-Q3',
      '2025-Q4',
      '2026-Q1',
      '2026-Q2',
      '2026-Q3',
    ]);
    expect(currentQuarterText(new Date(2026, 11, 31))).toBe('2026-Q4');
  });

  it('keeps a quarter picked from a link even when it is outside the range', () => {
    expect(quartersAround('2026-Q3', '2019-Q2')[0]).toBe('2019-Q2');
    expect(quartersAround('2026-Q3', 'nonsense')).toHaveLength(7);
  });

  it('reads and steps quarters', () => {
    expect(parseQuarter('2026-Q3')).toEqual({ year: 2026, quarter: 3 });
    expect(parseQuarter('2026-Q5')).toBeNull();
    expect(addQuarters({ year: 2026, quarter: 1 }, -1)).toEqual({ year: 2025, quarter: 4 });
    expect(addQuarters({ year: 2026, quarter: 4 }, 2)).toEqual({ year: 2027, quarter: 2 });
  });
});
