import { describe, expect, it } from 'vitest';
import { changed, created, flagOf } from '../hygiene.test-support.js';

describe('commit-without-next-step', () => {
  const history = [
    created('2026-01-05T10:00:00Z', { closeDate: '2026-12-31' }),
    changed('2026-02-01T10:00:00Z', { stage: 'Negotiation/Review', forecastCategory: 'Commit' }),
    changed('2026-02-10T10:00:00Z', { nextStep: 'Send the order form' }),
    changed('2026-03-01T10:00:00Z', { nextStep: null }),
  ];

  it('holds while a Commit deal has no next step', () => {
    expect(flagOf(history, '2026-01-31T00:00:00Z', 'commit-without-next-step')).toBeNull();
    expect(flagOf(history, '2026-02-05T00:00:00Z', 'commit-without-next-step')).toEqual([
      'in Commit without a next step',
      '2026-02-01T10:00:00.000Z',
    ]);
    expect(flagOf(history, '2026-02-20T00:00:00Z', 'commit-without-next-step')).toBeNull();
    expect(flagOf(history, '2026-03-02T00:00:00Z', 'commit-without-next-step')?.[1]).toBe(
      '2026-03-01T10:00:00.000Z',
    );
  });
});
