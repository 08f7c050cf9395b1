import { describe, expect, it } from 'vitest';
import { changed, created, flagOf } from '../hygiene.test-support.js';

describe('backdated-change', () => {
  const history = [
    created('2026-01-05T10:00:00Z', { closeDate: '2026-03-31' }),
    // Entered in Candor on 20 March, dated 15 February.
    changed(
      '2026-02-15T10:00:00Z',
      { amountMinor: 120_000n },
      { source: 'ui', recordedAt: '2026-03-20T10:00:00Z' },
    ),
  ];

  it('appears when the backdated change is recorded, not when it is dated, and leaves after the look-back', () => {
    expect(flagOf(history, '2026-03-01T00:00:00Z', 'backdated-change')).toBeNull();
    expect(flagOf(history, '2026-03-21T00:00:00Z', 'backdated-change')).toEqual([
      'amount entered 2026-03-20 dated 2026-02-15 (33 days earlier)',
      '2026-03-20T10:00:00.000Z',
    ]);
    expect(flagOf(history, '2026-04-19T10:00:00Z', 'backdated-change')).toBeNull();
  });

  it('flags a late-recorded close on a won deal', () => {
    const won = [
      created('2026-01-10T10:00:00Z', { closeDate: '2026-03-15' }),
      changed(
        '2026-03-15T16:00:00Z',
        { stage: 'Closed Won', isClosed: true, isWon: true, forecastCategory: 'Closed' },
        { source: 'ui', recordedAt: '2026-04-20T08:00:00Z' },
      ),
    ];
    expect(flagOf(won, '2026-04-19T00:00:00Z', 'backdated-change')).toBeNull();
    expect(flagOf(won, '2026-04-21T00:00:00Z', 'backdated-change')).toEqual([
      'stage, forecastCategory, isClosed, isWon entered 2026-04-20 dated 2026-03-15 (35 days earlier); won on 2026-03-15 but recorded 2026-04-20',
      '2026-04-20T08:00:00.000Z',
    ]);
  });
});
