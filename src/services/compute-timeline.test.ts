import { describe, expect, it } from 'vitest';
import type { LedgerEvent, NewEvent } from '../core/ledger-event.js';
import { dealChanged, dealCreated } from '../../test/helpers/sample-events.js';
import { computeTimeline } from './compute-timeline.js';

/** Numbers events in the order given and records each at `recordedAt` (default: its business time). */
function ledger(events: { event: NewEvent; recordedAt?: string }[]): LedgerEvent[] {
  return events.map(({ event, recordedAt }, index) => ({
    ...event,
    seq: BigInt(index + 1),
    recordedTime: recordedAt ? new Date(recordedAt) : event.businessTime,
    prevHash: String(index).padStart(64, '0'),
    hash: String(index + 1).padStart(64, '0'),
  }));
}

const options = {
  thresholds: { backdatedAfterHours: 72 },
  decimalsOf: (code: string) => (code === 'JPY' ? 0 : 2),
};

describe('computeTimeline', () => {
  it('folds in business order, so a change entered late gives the next one its "from"', () => {
    const timeline = computeTimeline(
      ledger([
        { event: dealCreated('d', '2026-01-01T00:00:00Z', { amountMinor: 1_000n }) },
        { event: dealChanged('d', '2026-03-01T00:00:00Z', { amountMinor: 3_000n }) },
        {
          event: dealChanged('d', '2026-02-01T00:00:00Z', { amountMinor: 2_000n }),
          recordedAt: '2026-03-05T00:00:00Z',
        },
      ]),
      options,
    );
    expect(timeline.map((e) => [e.seq, e.changes, e.backdated])).toEqual([
      ['1', expect.any(Array), false],
      ['3', [{ field: 'amount', from: '10.00', to: '20.00' }], true],
      ['2', [{ field: 'amount', from: '20.00', to: '30.00' }], false],
    ]);
  });

  it('marks as backdated only what was entered more than the threshold after it took effect', () => {
    const timeline = computeTimeline(
      ledger([
        { event: dealCreated('d', '2026-01-01T00:00:00Z'), recordedAt: '2026-01-04T00:00:00Z' },
        {
          event: dealChanged('d', '2026-01-05T00:00:00Z', { stage: 'Qualification' }),
          recordedAt: '2026-01-08T00:00:01Z',
        },
        {
          event: {
            ...dealChanged('d', '2026-01-06T00:00:00Z', { stage: 'Needs Analysis' }),
            source: 'import',
          },
          recordedAt: '2026-06-01T00:00:00Z',
        },
      ]),
      options,
    );
    // Exactly 72 hours is not backdated; a second more is; imported history never is.
    expect(timeline.map((e) => e.backdated)).toEqual([false, true, false]);
  });

  it('shows amounts in the deal currency, a currency change, and supporting fields added and removed', () => {
    const timeline = computeTimeline(
      ledger([
        {
          event: dealCreated('d', '2026-01-01T00:00:00Z', {
            amountMinor: 123_456n,
            fields: { metrics: 'ROI' },
          }),
        },
        {
          event: dealChanged('d', '2026-01-02T00:00:00Z', {
            currency: 'JPY',
            amountMinor: 150_000n,
            fields: { metrics: null, champion: 'Kim' },
          }),
        },
      ]),
      options,
    );
    expect(timeline[0]?.changes).toContainEqual({ field: 'amount', from: null, to: '1234.56' });
    expect(timeline[0]?.changes).toContainEqual({ field: 'fields.metrics', from: null, to: 'ROI' });
    expect(timeline[0]?.changes.some((c) => c.field === 'nextStep')).toBe(false);
    expect(timeline[1]?.changes).toEqual([
      { field: 'amount', from: '1234.56', to: '150000' },
      { field: 'currency', from: 'USD', to: 'JPY' },
      { field: 'fields.champion', from: null, to: 'Kim' },
      { field: 'fields.metrics', from: 'ROI', to: null },
    ]);
  });
});
