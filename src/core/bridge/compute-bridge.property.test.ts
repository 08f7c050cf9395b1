import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openForecastCategories, type ForecastCategory } from '../forecast-category.js';
import { history, quarterInput, type VersionFields } from './bridge.test-support.js';
import type { BridgeDealVersion } from './bridge-types.js';
import { computeCorporateAmount } from './compute-corporate-amount.js';
import { computeBridge } from './compute-bridge.js';
import { groupBridge } from './group-bridge.js';

const closeDates = ['2023-03-31', '2023-04-01', '2023-05-15', '2023-06-30', '2023-07-01', null] as const;
const categories: ForecastCategory[] = ['Pipeline', 'Best Case', 'Commit', 'Omitted'];

const change: fc.Arbitrary<VersionFields> = fc
  .record(
    {
      amountMinor: fc.oneof(fc.constant(null), fc.bigInt({ min: 0n, max: 10_000_000_000n })),
      currency: fc.constantFrom('USD', 'EUR', 'JPY', 'CHF'),
      closeDate: fc.constantFrom(...closeDates),
      forecastCategory: fc.constantFrom(...categories),
      ownerId: fc.constantFrom('u1', 'u2', 'u3', null),
      accountId: fc.constantFrom('acc-1', 'acc-2', null),
      closed: fc.constantFrom('open', 'won', 'lost'),
    },
    { requiredKeys: [] },
  )
  .map(({ closed, ...fields }) => {
    if (closed === 'won')
      return { ...fields, isClosed: true, isWon: true, forecastCategory: 'Closed' as const };
    if (closed === 'lost')
      return { ...fields, isClosed: true, isWon: false, forecastCategory: 'Omitted' as const };
    if (closed === 'open') return { ...fields, isClosed: false, isWon: false };
    return fields;
  });

const instant = fc.integer({ min: Date.parse('2023-02-01'), max: Date.parse('2023-08-01') });

const deals = fc
  .array(fc.array(fc.tuple(instant, change), { minLength: 1, maxLength: 6 }), { maxLength: 12 })
  .map((list) =>
    list.flatMap((changes, index) => {
      const times = [...new Set(changes.map(([t]) => t))].sort((a, b) => a - b);
      return history(
        `d${index}`,
        times.map((t, i): [string, VersionFields] => [new Date(t).toISOString(), changes[i]?.[1] ?? {}]),
      );
    }),
  );

/** The value the bridge tracks, computed directly from one version: open or won in the period. */
function openAt(versions: BridgeDealVersion[], at: Date, includes: (v: BridgeDealVersion) => boolean) {
  let total = 0n;
  const input = quarterInput([]);
  for (const v of versions) {
    if (!(v.validFrom <= at && (v.validTo === null || v.validTo > at)) || !includes(v)) continue;
    const inPeriod = v.closeDate !== null && v.closeDate >= '2023-04-01' && v.closeDate < '2023-07-01';
    if (inPeriod && !v.isClosed && openForecastCategories.includes(v.forecastCategory)) {
      total += computeCorporateAmount(input.rates, v) ?? 0n;
    }
  }
  return total;
}

describe('computeBridge on any history', () => {
  it('always adds up, starts at the open pipeline at `from` and ends at won plus open at `to`', () => {
    fc.assert(
      fc.property(deals, fc.constantFrom<'all' | 'east'>('all', 'east'), (versions, view) => {
        const includes =
          view === 'all' ? () => true : (v: BridgeDealVersion) => v.ownerId === 'u1' || v.ownerId === 'u2';
        const input = quarterInput(versions, { includes });
        const bridge = computeBridge(input);
        const walked = bridge.steps.reduce((sum, s) => sum + s.amountMinor, bridge.startMinor);
        expect(walked).toBe(bridge.endMinor);
        expect(bridge.endMinor).toBe(bridge.wonMinor + bridge.openMinor);
        expect(bridge.startMinor).toBe(openAt(versions, input.from, includes));
        expect(bridge.openMinor).toBe(openAt(versions, input.to, includes));
        for (const s of bridge.steps) {
          if (s.kind === 'category' || s.kind === 'won') continue;
          expect(s.deals.reduce((sum, d) => sum + d.amountMinor, 0n)).toBe(s.amountMinor);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('splits into groups whose starts and ends add up to the whole', () => {
    fc.assert(
      fc.property(deals, fc.constantFrom('team', 'rep', 'segment'), (versions, grouping) => {
        const input = quarterInput(versions);
        const whole = computeBridge(input);
        const groups = groupBridge(input, grouping);
        expect(groups.reduce((s, g) => s + g.bridge.startMinor, 0n)).toBe(whole.startMinor);
        expect(groups.reduce((s, g) => s + g.bridge.endMinor, 0n)).toBe(whole.endMinor);
        expect(groups.reduce((s, g) => s + g.bridge.wonMinor, 0n)).toBe(whole.wonMinor);
      }),
      { numRuns: 100 },
    );
  });
});
