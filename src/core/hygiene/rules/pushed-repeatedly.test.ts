import { describe, expect, it } from 'vitest';
import { changed, created, flagOf } from '../hygiene.test-support.js';

describe('pushed-repeatedly', () => {
  const history = [
    created('2026-01-05T10:00:00Z', { closeDate: '2026-03-31' }),
    changed('2026-03-01T10:00:00Z', { closeDate: '2026-04-30' }),
    changed('2026-04-01T10:00:00Z', { closeDate: '2026-05-31' }),
    changed('2026-04-10T10:00:00Z', { amountMinor: 120_000n }),
    changed('2026-05-01T10:00:00Z', { closeDate: '2026-06-30' }),
  ];

  it('holds from the Nth push, with the path of close dates as evidence', () => {
    expect(flagOf(history, '2026-04-15T00:00:00Z', 'pushed-repeatedly')).toBeNull();
    expect(flagOf(history, '2026-05-02T00:00:00Z', 'pushed-repeatedly')).toEqual([
      'pushed 3 times: 2026-03-31 → 2026-04-30 → 2026-05-31 → 2026-06-30',
      '2026-05-01T10:00:00.000Z',
    ]);
  });

  it('shows a pull-in between pushes, and honours the admin threshold', () => {
    const withPullIn = [
      ...history,
      changed('2026-05-05T10:00:00Z', { closeDate: '2026-06-15' }),
      changed('2026-05-20T10:00:00Z', { closeDate: '2026-07-15' }),
    ];
    expect(flagOf(withPullIn, '2026-05-21T00:00:00Z', 'pushed-repeatedly')?.[0]).toBe(
      'pushed 4 times: 2026-03-31 → 2026-04-30 → 2026-05-31 → 2026-06-30 → 2026-06-15 → 2026-07-15',
    );
    const settings = { 'pushed-repeatedly': { thresholds: { pushes: 2 } } };
    expect(flagOf(history, '2026-04-02T00:00:00Z', 'pushed-repeatedly', { settings })?.[1]).toBe(
      '2026-04-01T10:00:00.000Z',
    );
  });
});
