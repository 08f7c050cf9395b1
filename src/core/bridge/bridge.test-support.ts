import type { BridgeDealVersion, BridgePerson, BridgeRates } from './bridge-types.js';
import type { BridgeInput } from './compute-bridge.js';

/** Builders for hand-made deal histories in the bridge tests. */
export type VersionFields = Partial<Omit<BridgeDealVersion, 'dealId' | 'validFrom' | 'validTo'>>;

const base: Omit<BridgeDealVersion, 'dealId' | 'validFrom' | 'validTo'> = {
  name: 'Deal',
  ownerId: 'u1',
  accountId: null,
  amountMinor: 10_000n,
  currency: 'USD',
  stage: 'Prospecting',
  forecastCategory: 'Pipeline',
  isClosed: false,
  isWon: false,
  closeDate: '2023-06-30',
  pushCount: 0,
};

/**
 * A deal's versions from its changes: the first entry is its state at creation, each later one
 * changes some fields from that moment on.
 */
export function history(dealId: string, changes: readonly [string, VersionFields][]): BridgeDealVersion[] {
  const versions: BridgeDealVersion[] = [];
  let fields = { ...base, name: `Deal ${dealId}` };
  changes.forEach(([at, change], index) => {
    fields = { ...fields, ...change };
    const next = changes[index + 1];
    versions.push({
      ...fields,
      dealId,
      validFrom: new Date(at),
      validTo: next ? new Date(next[0]) : null,
    });
  });
  return versions;
}

export const won = { stage: 'Closed Won', forecastCategory: 'Closed', isClosed: true, isWon: true } as const;
export const lost = {
  stage: 'Closed Lost',
  forecastCategory: 'Omitted',
  isClosed: true,
  isWon: false,
} as const;

export const usdEurRates: BridgeRates = {
  corporateCurrency: 'USD',
  decimals: new Map([
    ['USD', 2],
    ['EUR', 2],
    ['JPY', 0],
  ]),
  rates: new Map([
    [
      'EUR',
      [
        { validFrom: '2023-01-01', rate: '1.05' },
        { validFrom: '2023-05-01', rate: '1.1' },
      ],
    ],
    ['JPY', [{ validFrom: '2023-01-01', rate: '0.0071' }]],
  ]),
};

export const people: ReadonlyMap<string, BridgePerson> = new Map([
  ['u1', { name: 'Ada Quill', teamId: 't-east', teamName: 'East' }],
  ['u2', { name: 'Ben Marsh', teamId: 't-east', teamName: 'East' }],
  ['u3', { name: 'Cleo Hart', teamId: 't-west', teamName: 'West' }],
]);

/** Q2 2023 from its first to its last moment, on the given versions. */
export function quarterInput(
  versions: BridgeDealVersion[],
  overrides: Partial<BridgeInput> = {},
): BridgeInput {
  return {
    period: '2023-Q2',
    periodStart: '2023-04-01',
    periodEnd: '2023-07-01',
    from: new Date('2023-04-01T00:00:00Z'),
    to: new Date('2023-07-01T00:00:00Z'),
    versions,
    rates: usdEurRates,
    corporateDecimals: 2,
    people,
    segments: new Map([
      ['acc-1', 'Enterprise'],
      ['acc-2', 'Mid-market'],
    ]),
    ...overrides,
  };
}

/** Every kind of movement in one quarter; the figures are worked out by hand in the comments. */
export const quarter: BridgeDealVersion[] = [
  // A: Commit 100.00 at the start, won for 120.00 → increased +20.00, won (moves 120.00).
  ...history('A', [
    ['2023-03-01T00:00:00Z', { forecastCategory: 'Commit', stage: 'Negotiation/Review' }],
    ['2023-05-10T09:00:00Z', { ...won, amountMinor: 12_000n }],
  ]),
  // B: Best Case 50.00, slips to August → slipped −50.00.
  ...history('B', [
    ['2023-03-02T00:00:00Z', { forecastCategory: 'Best Case', amountMinor: 5_000n }],
    ['2023-06-20T00:00:00Z', { closeDate: '2023-08-15', pushCount: 1 }],
  ]),
  // C: created in the quarter for 30.00 → created +30.00.
  ...history('C', [['2023-04-15T00:00:00Z', { amountMinor: 3_000n }]]),
  // D: closing in August at the start, pulled into June at 40.00 → pulled-in +40.00.
  ...history('D', [
    ['2023-02-01T00:00:00Z', { amountMinor: 4_000n, closeDate: '2023-08-01' }],
    ['2023-05-01T00:00:00Z', { closeDate: '2023-06-15' }],
  ]),
  // E: Pipeline 70.00, lost → lost −70.00.
  ...history('E', [
    ['2023-01-10T00:00:00Z', { amountMinor: 7_000n }],
    ['2023-05-20T00:00:00Z', lost],
  ]),
  // F: Best Case 25.00, out of the forecast, then back → omitted −25.00, restored +25.00.
  ...history('F', [
    ['2023-01-11T00:00:00Z', { amountMinor: 2_500n, forecastCategory: 'Best Case' }],
    ['2023-05-05T00:00:00Z', { forecastCategory: 'Omitted' }],
    ['2023-06-01T00:00:00Z', { forecastCategory: 'Best Case' }],
  ]),
  // G: Pipeline 60.00 → Best Case → Commit: two category moves, no net effect.
  ...history('G', [
    ['2023-01-12T00:00:00Z', { amountMinor: 6_000n }],
    ['2023-04-20T00:00:00Z', { forecastCategory: 'Best Case' }],
    ['2023-05-15T00:00:00Z', { forecastCategory: 'Commit' }],
  ]),
  // H: Commit 80.00 cut to 50.00 → decreased −30.00.
  ...history('H', [
    ['2023-01-13T00:00:00Z', { amountMinor: 8_000n, forecastCategory: 'Commit' }],
    ['2023-06-10T00:00:00Z', { amountMinor: 5_000n }],
  ]),
  // I: 10.00, slips to July and comes back → slipped −10.00 and pulled-in +10.00.
  ...history('I', [
    ['2023-01-14T00:00:00Z', { amountMinor: 1_000n }],
    ['2023-04-10T00:00:00Z', { closeDate: '2023-07-15', pushCount: 1 }],
    ['2023-05-10T00:00:00Z', { closeDate: '2023-06-20' }],
  ]),
  // J: won before the start with a close date in the quarter: in no step and in no total.
  ...history('J', [
    ['2023-01-15T00:00:00Z', { amountMinor: 9_900n }],
    ['2023-03-30T00:00:00Z', { ...won, closeDate: '2023-04-02' }],
  ]),
  // K: EUR 100.00 closing 2023-04-20 (rate 1.05 → 105.00), moved to 2023-06-20 (rate 1.1 →
  // 110.00) → increased +5.00 by the rate alone.
  ...history('K', [
    ['2023-01-16T00:00:00Z', { amountMinor: 10_000n, currency: 'EUR', closeDate: '2023-04-20' }],
    ['2023-05-25T00:00:00Z', { closeDate: '2023-06-20', pushCount: 1 }],
  ]),
  // L: closing in September all quarter: in nothing.
  ...history('L', [['2023-01-17T00:00:00Z', { closeDate: '2023-09-30' }]]),
];
