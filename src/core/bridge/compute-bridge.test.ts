import { describe, expect, it } from 'vitest';
import { history, lost, quarter, quarterInput, won } from './bridge.test-support.js';
import type { Bridge, BridgeStepKind } from './bridge-types.js';
import { computeBridge } from './compute-bridge.js';

function step(bridge: Bridge, kind: BridgeStepKind) {
  const found = bridge.steps.find((s) => s.kind === kind);
  if (!found) throw new Error(`no step ${kind}`);
  return { amount: found.amountMinor, deals: found.deals.map((d) => [d.id, d.amountMinor, d.change]) };
}

describe('computeBridge', () => {
  const bridge = computeBridge(quarterInput(quarter));

  it('starts from the open pipeline at the first moment and ends at won plus open', () => {
    // 100 + 50 + 70 + 25 + 60 + 80 + 10 + 105 = 500.00
    expect(bridge.startMinor).toBe(50_000n);
    expect(bridge.wonMinor).toBe(12_000n);
    // C 30 + D 40 + F 25 + G 60 + H 50 + I 10 + K 110 = 325.00
    expect(bridge.openMinor).toBe(32_500n);
    expect(bridge.endMinor).toBe(44_500n);
    expect(bridge.counts).toEqual({ start: 8, won: 1, open: 7 });
    expect(bridge.dealIds).toEqual({
      start: ['A', 'B', 'E', 'F', 'G', 'H', 'I', 'K'],
      won: ['A'],
      open: ['C', 'D', 'F', 'G', 'H', 'I', 'K'],
    });
  });

  it('walks every kind of movement, naming its deals', () => {
    expect(step(bridge, 'created')).toEqual({
      amount: 3_000n,
      deals: [['C', 3_000n, 'created in Prospecting, closing 2023-06-30']],
    });
    expect(step(bridge, 'pulled-in')).toEqual({
      amount: 5_000n,
      deals: [
        ['D', 4_000n, 'close date 2023-08-01 → 2023-06-15'],
        ['I', 1_000n, 'close date 2023-07-15 → 2023-06-20'],
      ],
    });
    expect(step(bridge, 'restored')).toEqual({
      amount: 2_500n,
      deals: [['F', 2_500n, 'Omitted → Best Case']],
    });
    expect(step(bridge, 'increased')).toEqual({
      amount: 2_500n,
      deals: [
        ['A', 2_000n, '100.00 → 120.00'],
        ['K', 500n, '105.00 → 110.00'],
      ],
    });
    expect(step(bridge, 'decreased')).toEqual({ amount: -3_000n, deals: [['H', -3_000n, '80.00 → 50.00']] });
    expect(step(bridge, 'omitted')).toEqual({
      amount: -2_500n,
      deals: [['F', -2_500n, 'Best Case → Omitted']],
    });
    expect(step(bridge, 'lost')).toEqual({
      amount: -7_000n,
      deals: [['E', -7_000n, 'Prospecting → Closed Lost']],
    });
    expect(step(bridge, 'slipped')).toEqual({
      amount: -6_000n,
      deals: [
        ['B', -5_000n, 'close date 2023-06-30 → 2023-08-15'],
        ['I', -1_000n, 'close date 2023-06-30 → 2023-07-15'],
      ],
    });
    expect(step(bridge, 'category')).toEqual({
      amount: 0n,
      deals: [
        ['G', 6_000n, 'Pipeline → Best Case'],
        ['G', 6_000n, 'Best Case → Commit'],
      ],
    });
    expect(step(bridge, 'won')).toEqual({
      amount: 0n,
      deals: [['A', 12_000n, 'Negotiation/Review → Closed Won']],
    });
    expect(step(bridge, 'reassigned')).toEqual({ amount: 0n, deals: [] });
    expect(step(bridge, 'reopened')).toEqual({ amount: 0n, deals: [] });
  });

  it('adds up: start plus the steps is the end, to the cent', () => {
    const walked = bridge.steps.reduce((sum, s) => sum + s.amountMinor, bridge.startMinor);
    expect(walked).toBe(bridge.endMinor);
  });

  it('counts close-date pushes made while a deal closed in the period', () => {
    // B, I and K each pushed once inside the quarter.
    expect(bridge.pushes).toEqual({ count: 3, deals: 3, dealIds: ['B', 'I', 'K'] });
  });

  it('names owner, team and segment of each deal', () => {
    const deals = computeBridge(
      quarterInput(
        history('M', [['2023-04-02T00:00:00Z', { ownerId: 'u3', accountId: 'acc-1', name: 'Globex' }]]),
      ),
    ).steps[0]?.deals;
    expect(deals?.map((d) => [d.name, d.owner, d.team, d.segment])).toEqual([
      ['Globex', 'Cleo Hart', 'West', 'Enterprise'],
    ]);
  });

  it('counts a deal created already won as created and won', () => {
    const result = computeBridge(
      quarterInput(history('N', [['2023-05-01T00:00:00Z', { ...won, amountMinor: 700n }]])),
    );
    expect([result.startMinor, result.wonMinor, result.endMinor]).toEqual([0n, 700n, 700n]);
    expect(step(result, 'created').amount).toBe(700n);
    expect(step(result, 'won').deals).toEqual([['N', 700n, 'Closed Won']]);
  });

  it('reopens a lost deal and a deal won before the start', () => {
    const result = computeBridge(
      quarterInput([
        ...history('P', [
          ['2023-01-01T00:00:00Z', { ...lost, amountMinor: 400n }],
          [
            '2023-05-01T00:00:00Z',
            { stage: 'Prospecting', forecastCategory: 'Pipeline', isClosed: false, isWon: false },
          ],
        ]),
        ...history('Q', [
          ['2023-01-01T00:00:00Z', { ...won, amountMinor: 300n }],
          [
            '2023-05-02T00:00:00Z',
            { stage: 'Prospecting', forecastCategory: 'Pipeline', isClosed: false, isWon: false },
          ],
        ]),
      ]),
    );
    expect(step(result, 'reopened').amount).toBe(700n);
    expect(result.startMinor).toBe(0n);
    expect(result.openMinor).toBe(700n);
  });

  it('leaves out deals whose currency has no rate, and says which', () => {
    const result = computeBridge(
      quarterInput(history('R', [['2023-01-01T00:00:00Z', { currency: 'CHF', amountMinor: 500n }]])),
    );
    expect(result.startMinor).toBe(0n);
    expect(result.unconverted).toEqual(['R']);
  });

  it('converts at each close date rate and rounds half away from zero, per deal', () => {
    // JPY 1,234 × 0.0071 = 8.7614 USD → 8.76; 3 yen × 0.0071 = 0.0213 → 0.02.
    const result = computeBridge(
      quarterInput([
        ...history('S', [['2023-01-01T00:00:00Z', { currency: 'JPY', amountMinor: 1_234n }]]),
        ...history('T', [['2023-01-01T00:00:00Z', { currency: 'JPY', amountMinor: 3n }]]),
      ]),
    );
    expect(result.startMinor).toBe(876n + 2n);
  });

  it('in a scoped view, a change of owner moves the deal in or out as reassigned', () => {
    const versions = [
      ...history('U', [
        ['2023-01-01T00:00:00Z', { ownerId: 'u1', amountMinor: 1_000n }],
        ['2023-05-01T00:00:00Z', { ownerId: 'u3' }],
      ]),
      ...history('V', [
        ['2023-01-01T00:00:00Z', { ownerId: 'u3', amountMinor: 2_000n }],
        ['2023-05-02T00:00:00Z', { ownerId: 'u2' }],
      ]),
    ];
    const east = computeBridge(
      quarterInput(versions, { includes: (v) => v.ownerId === 'u1' || v.ownerId === 'u2' }),
    );
    expect(east.startMinor).toBe(1_000n);
    expect(step(east, 'reassigned')).toEqual({
      amount: 1_000n,
      deals: [
        ['V', 2_000n, 'owner Cleo Hart → Ben Marsh'],
        ['U', -1_000n, 'owner Ada Quill → Cleo Hart'],
      ],
    });
    expect(east.endMinor).toBe(2_000n);
  });

  it('takes the state at `to` as the version valid at that instant', () => {
    const result = computeBridge(
      quarterInput(
        history('W', [
          ['2023-01-01T00:00:00Z', { amountMinor: 1_000n }],
          ['2023-07-01T00:00:00Z', won],
        ]),
      ),
    );
    expect(result.wonMinor).toBe(1_000n);
    expect(result.openMinor).toBe(0n);
  });
});
