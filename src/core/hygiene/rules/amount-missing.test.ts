import { describe, expect, it } from 'vitest';
import { changed, created, flagOf } from '../hygiene.test-support.js';

describe('amount-missing', () => {
  const history = [
    created('2026-01-05T10:00:00Z', { amountMinor: null, closeDate: '2026-12-31' }),
    changed('2026-02-01T10:00:00Z', { amountMinor: 50_000n }),
    changed('2026-03-01T10:00:00Z', { amountMinor: 0n }),
  ];

  it('holds while the amount is missing or zero, from when it became so', () => {
    expect(flagOf(history, '2026-01-20T00:00:00Z', 'amount-missing')).toEqual([
      'no amount entered',
      '2026-01-05T10:00:00.000Z',
    ]);
    expect(flagOf(history, '2026-02-15T00:00:00Z', 'amount-missing')).toBeNull();
    expect(flagOf(history, '2026-03-02T00:00:00Z', 'amount-missing')).toEqual([
      'amount is zero',
      '2026-03-01T10:00:00.000Z',
    ]);
  });
});
