import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatPushes, parseIsoInstant, parsePushes } from './hygiene-deal-history.js';

describe('parseIsoInstant', () => {
  it('reads back every instant toISOString writes, as new Date would', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('0001-01-01T00:00:00Z'),
          max: new Date('9999-12-31T23:59:59.999Z'),
          noInvalidDate: true,
        }),
        (date) => {
          const text = date.toISOString();
          expect(parseIsoInstant(text).getTime()).toBe(new Date(text).getTime());
          expect(parseIsoInstant(`x>${text}`, 2).getTime()).toBe(date.getTime());
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it('leaves other forms to new Date, invalid ones invalid', () => {
    expect(parseIsoInstant('2026-03-01T10:00:00Z').toISOString()).toBe('2026-03-01T10:00:00.000Z');
    expect(parseIsoInstant('2026-03-01T10:00:00.000+01:00').toISOString()).toBe('2026-03-01T09:00:00.000Z');
    expect(Number.isNaN(parseIsoInstant('2026-0x-01T10:00:00.000Z').getTime())).toBe(true);
  });

  it('round-trips pushes through formatPushes and parsePushes', () => {
    const pushes = [
      { from: '2026-03-31', to: '2026-04-30', at: new Date('2026-03-20T08:15:00.123Z') },
      { from: '2026-04-30', to: '2026-06-30', at: new Date('0050-04-02T00:00:00.000Z') },
    ];
    expect(parsePushes(formatPushes(pushes))).toEqual(pushes);
  });
});
