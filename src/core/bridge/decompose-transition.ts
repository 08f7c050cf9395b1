import type { BridgeDealVersion, BridgeStepKind } from './bridge-types.js';
import { bucketCounts, type DealBucket } from './classify-deal-state.js';

/** A deal's state at one moment, as the walk sees it. */
export type WalkState = {
  bucket: DealBucket;
  /** Corporate minor units it contributes to the tracked total (zero unless open or won). */
  valueMinor: bigint;
  version: BridgeDealVersion | null;
};

/** One movement of one deal: its step, its effect on the total, and the value it moved. */
export type Movement = {
  kind: BridgeStepKind;
  /** Effect on the tracked total. */
  deltaMinor: bigint;
  /** The deal's amount in the step: the effect, or for zero-net steps the value moved. */
  amountMinor: bigint;
  /** Which version names the deal (owner, team): the one inside the view. */
  named: BridgeDealVersion;
  change: string;
};

const entering: Partial<Record<DealBucket, BridgeStepKind>> = {
  absent: 'created',
  elsewhere: 'pulled-in',
  omitted: 'restored',
  lost: 'reopened',
  'won-before': 'reopened',
  unseen: 'reassigned',
};

const leaving: Partial<Record<DealBucket, BridgeStepKind>> = {
  elsewhere: 'slipped',
  omitted: 'omitted',
  lost: 'lost',
  unseen: 'reassigned',
  // A version never ends without a successor; were one missing, the deal left the period.
  absent: 'slipped',
};

/**
 * Splits a deal's move from `before` to `after` into bridge movements whose effects add up to
 * `after.valueMinor − before.valueMinor` exactly:
 * - counted → counted: an amount change (increased/decreased), then a category move or a win
 *   (zero net);
 * - uncounted → counted: entering by the way it came (created, pulled in, restored, reopened,
 *   reassigned), then a win when it arrived won;
 * - counted → uncounted: leaving by where it went (slipped, omitted, lost, reassigned);
 * - uncounted → uncounted: nothing.
 */
export function decomposeTransition(
  before: WalkState,
  after: WalkState,
  describe: {
    amount: (minor: bigint) => string;
    owner: (ownerId: string | null) => string;
  },
): Movement[] {
  const was = bucketCounts(before.bucket);
  const is = bucketCounts(after.bucket);
  const p = before.version;
  const n = after.version;
  const movements: Movement[] = [];
  if (was && is && p && n) {
    const delta = after.valueMinor - before.valueMinor;
    if (delta !== 0n) {
      movements.push({
        kind: delta > 0n ? 'increased' : 'decreased',
        deltaMinor: delta,
        amountMinor: delta,
        named: n,
        change: `${describe.amount(before.valueMinor)} → ${describe.amount(after.valueMinor)}`,
      });
    }
    if (before.bucket === 'open' && after.bucket === 'open' && p.forecastCategory !== n.forecastCategory) {
      movements.push(zeroNet('category', after, n, `${p.forecastCategory} → ${n.forecastCategory}`));
    }
    if (before.bucket === 'open' && after.bucket === 'won') {
      movements.push(zeroNet('won', after, n, `${p.stage} → ${n.stage}`));
    }
    if (before.bucket === 'won' && after.bucket === 'open') {
      // Reopened after a win inside the window: the value goes back from won to open.
      movements.push({
        ...zeroNet('won', after, n, `${p.stage} → ${n.stage}`),
        amountMinor: -after.valueMinor,
      });
    }
    return movements;
  }
  if (!was && is && n) {
    const kind = entering[before.bucket] ?? 'created';
    movements.push({
      kind,
      deltaMinor: after.valueMinor,
      amountMinor: after.valueMinor,
      named: n,
      change: describeEntry(kind, p, n, describe.owner),
    });
    if (after.bucket === 'won') movements.push(zeroNet('won', after, n, n.stage));
    return movements;
  }
  if (was && !is && p) {
    const kind = leaving[after.bucket] ?? 'slipped';
    movements.push({
      kind,
      deltaMinor: -before.valueMinor,
      amountMinor: -before.valueMinor,
      named: p,
      change: describeExit(kind, p, n, describe.owner),
    });
  }
  return movements;
}

function zeroNet(kind: BridgeStepKind, after: WalkState, named: BridgeDealVersion, change: string): Movement {
  return { kind, deltaMinor: 0n, amountMinor: after.valueMinor, named, change };
}

function describeEntry(
  kind: BridgeStepKind,
  p: BridgeDealVersion | null,
  n: BridgeDealVersion,
  owner: (ownerId: string | null) => string,
): string {
  switch (kind) {
    case 'created':
      return `created in ${n.stage}, closing ${n.closeDate ?? 'undated'}`;
    case 'pulled-in':
      return `close date ${p?.closeDate ?? 'none'} → ${n.closeDate ?? 'none'}`;
    case 'restored':
      return `${p?.forecastCategory ?? '—'} → ${n.forecastCategory}`;
    case 'reassigned':
      return `owner ${owner(p?.ownerId ?? null)} → ${owner(n.ownerId)}`;
    default:
      return `${p?.stage ?? '—'} → ${n.stage}`;
  }
}

function describeExit(
  kind: BridgeStepKind,
  p: BridgeDealVersion,
  n: BridgeDealVersion | null,
  owner: (ownerId: string | null) => string,
): string {
  switch (kind) {
    case 'slipped':
      return `close date ${p.closeDate ?? 'none'} → ${n?.closeDate ?? 'none'}`;
    case 'omitted':
      return `${p.forecastCategory} → ${n?.forecastCategory ?? '—'}`;
    case 'reassigned':
      return `owner ${owner(p.ownerId)} → ${owner(n?.ownerId ?? null)}`;
    default:
      return `${p.stage} → ${n?.stage ?? '—'}`;
  }
}
