import { describe, expect, it } from 'vitest';
import { changed, created, flagOf } from '../hygiene.test-support.js';

describe('amount-swing', () => {
  const history = [
    created('2026-01-05T10:00:00Z', { closeDate: '2026-12-31' }),
    changed('2026-02-10T10:00:00Z', { amountMinor: 120_000n }),
    changed('2026-03-10T10:00:00Z', { amountMinor: 168_000n }),
  ];

  it('holds for a week after a change of more than X %, and not for a smaller one', () => {
    expect(flagOf(history, '2026-02-11T00:00:00Z', 'amount-swing')).toBeNull(); // +20 %
    expect(flagOf(history, '2026-03-09T00:00:00Z', 'amount-swing')).toBeNull();
    expect(flagOf(history, '2026-03-10T12:00:00Z', 'amount-swing')).toEqual([
      'amount up 40% in 7 days: 1200.00 → 1680.00 USD',
      '2026-03-10T10:00:00.000Z',
    ]);
    expect(flagOf(history, '2026-03-17T09:59:00Z', 'amount-swing')).not.toBeNull();
    expect(flagOf(history, '2026-03-17T10:00:00Z', 'amount-swing')).toBeNull();
  });

  it('compares with the amount at the start of the window, down as well as up', () => {
    const down = [...history, changed('2026-04-01T10:00:00Z', { amountMinor: 84_000n })];
    expect(flagOf(down, '2026-04-02T00:00:00Z', 'amount-swing')?.[0]).toBe(
      'amount down 50% in 7 days: 1680.00 → 840.00 USD',
    );
    const settings = { 'amount-swing': { thresholds: { percent: 10 } } };
    expect(flagOf(history, '2026-02-11T00:00:00Z', 'amount-swing', { settings })?.[0]).toBe(
      'amount up 20% in 7 days: 1000.00 → 1200.00 USD',
    );
  });
});
