import { describe, expect, it } from 'vitest';
import { changed, created, flagOf } from '../hygiene.test-support.js';

describe('close-date-past', () => {
  const history = [created('2026-01-05T10:00:00Z', { closeDate: '2026-03-31' })];
  const ny = { timeZone: 'America/New_York' };

  it('holds from the start of the day after the close date in the organisation zone', () => {
    // 03:00 UTC on 1 April is still 31 March in New York.
    expect(flagOf(history, '2026-04-01T03:00:00Z', 'close-date-past', ny)).toBeNull();
    expect(flagOf(history, '2026-04-01T05:00:00Z', 'close-date-past', ny)).toEqual([
      'close date 2026-03-31 passed 1 day ago, still open',
      '2026-04-01T04:00:00.000Z',
    ]);
    expect(flagOf(history, '2026-04-11T12:00:00Z', 'close-date-past')?.[0]).toBe(
      'close date 2026-03-31 passed 11 days ago, still open',
    );
  });

  it('disappears when the deal closes or the date moves on, and counts from a past date entered late', () => {
    const won = [
      ...history,
      changed('2026-04-05T10:00:00Z', { isClosed: true, isWon: true, stage: 'Closed Won' }),
    ];
    expect(flagOf(won, '2026-04-03T00:00:00Z', 'close-date-past')).not.toBeNull();
    expect(flagOf(won, '2026-04-06T00:00:00Z', 'close-date-past')).toBeNull();
    const moved = [...history, changed('2026-04-10T09:00:00Z', { closeDate: '2026-03-15' })];
    expect(flagOf(moved, '2026-04-12T00:00:00Z', 'close-date-past')).toEqual([
      'close date 2026-03-15 passed 28 days ago, still open',
      '2026-04-10T09:00:00.000Z',
    ]);
  });
});
