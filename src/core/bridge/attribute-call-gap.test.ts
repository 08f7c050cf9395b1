import { describe, expect, it } from 'vitest';
import { attributeCallGap } from './attribute-call-gap.js';
import { history, lost, quarter, quarterInput, won } from './bridge.test-support.js';

describe('attributeCallGap', () => {
  it('splits the gap between a call and what closed into the deals behind it, to the cent', () => {
    // Behind the call: Commit deals A 100.00 and H 80.00, plus J's 99.00 already won = 279.00.
    // Closed by the end: A 120.00 + J 99.00 = 219.00. Called 250.00 → gap −31.00.
    const gap = attributeCallGap(quarterInput(quarter), 25_000n);
    expect(gap.commitAtCallMinor).toBe(18_000n + 9_900n);
    expect(gap.closedMinor).toBe(12_000n + 9_900n);
    expect(gap.gapMinor).toBe(-3_100n);
    const parts = Object.fromEntries(
      gap.parts
        .filter((p) => p.amountMinor !== 0n)
        .map((p) => [p.kind, [p.amountMinor, p.deals.map((d) => d.id)]]),
    );
    expect(parts).toEqual({
      // 279.00 committed and closed against a call of 250.00.
      'call-over-commit': [2_900n, []],
      // A won for 120.00 against 100.00 committed.
      'commit-won-amount': [2_000n, ['A']],
      // H still open at the end.
      'commit-still-open': [-8_000n, ['H']],
    });
  });

  it('names commit deals that slipped or were lost and deals that closed from outside the commit', () => {
    const versions = [
      ...history('s', [
        ['2023-01-01T00:00:00Z', { forecastCategory: 'Commit', amountMinor: 5_000n, ownerId: 'u2' }],
        ['2023-05-01T00:00:00Z', { closeDate: '2023-07-20' }],
      ]),
      ...history('l', [
        ['2023-01-01T00:00:00Z', { forecastCategory: 'Commit', amountMinor: 3_000n }],
        ['2023-05-01T00:00:00Z', lost],
      ]),
      ...history('b', [
        ['2023-01-01T00:00:00Z', { forecastCategory: 'Best Case', amountMinor: 2_000n }],
        ['2023-05-01T00:00:00Z', won],
      ]),
      ...history('n', [['2023-05-03T00:00:00Z', { ...won, amountMinor: 1_500n }]]),
    ];
    const gap = attributeCallGap(quarterInput(versions), 8_000n);
    const parts = Object.fromEntries(
      gap.parts
        .filter((p) => p.amountMinor !== 0n)
        .map((p) => [p.kind, [p.amountMinor, p.deals.map((d) => `${d.id} ${d.owner ?? ''}`)]]),
    );
    expect(parts).toEqual({
      'commit-slipped': [-5_000n, ['s Ben Marsh']],
      'commit-lost': [-3_000n, ['l Ada Quill']],
      'best-case-won': [2_000n, ['b Ada Quill']],
      'not-in-pipeline-won': [1_500n, ['n Ada Quill']],
    });
    // 3,500 closed against 8,000 called.
    expect(gap.gapMinor).toBe(-4_500n);
  });
});
