import { sumMinor } from '../money.js';
import type { BridgeDeal, BridgeDealVersion } from './bridge-types.js';
import { classifyDealState, type DealBucket } from './classify-deal-state.js';
import { computeCorporateAmount } from './compute-corporate-amount.js';
import type { BridgeInput } from './compute-bridge.js';
import { nameBridgeDeal } from './name-bridge-deal.js';

export const callGapKinds = [
  'call-over-commit',
  'commit-won-amount',
  'commit-slipped',
  'commit-lost',
  'commit-omitted',
  'commit-still-open',
  'commit-reassigned',
  'best-case-won',
  'pipeline-won',
  'omitted-won',
  'not-in-pipeline-won',
] as const;
export type CallGapKind = (typeof callGapKinds)[number];

export const callGapLabels: Record<CallGapKind, string> = {
  'call-over-commit': 'The call against the commit deals behind it',
  'commit-won-amount': 'Commit deals won for a different amount',
  'commit-slipped': 'Commit deals that slipped',
  'commit-lost': 'Commit deals lost',
  'commit-omitted': 'Commit deals moved out of the forecast',
  'commit-still-open': 'Commit deals still open',
  'commit-reassigned': 'Commit deals moved to another owner',
  'best-case-won': 'Best-case deals that closed',
  'pipeline-won': 'Pipeline deals that closed',
  'omitted-won': 'Deals out of the forecast at the call that closed',
  'not-in-pipeline-won': 'Deals not in the pipeline at the call that closed',
};

export type CallGapPart = { kind: CallGapKind; amountMinor: bigint; deals: BridgeDeal[] };

export type CallGap = {
  calledMinor: bigint;
  /** What the call rested on: Commit deals closing in the period at the call, plus those already won. */
  commitAtCallMinor: bigint;
  /** Won in the period as it stands at `to`, including deals won before the call. */
  closedMinor: bigint;
  /** `closedMinor − calledMinor`: positive when the number was beaten. */
  gapMinor: bigint;
  /** Parts that add up to the gap exactly. */
  parts: CallGapPart[];
};

/**
 * Attributes the gap between a call made at `from` and what closed by `to` to the deals behind it:
 * gap = (commit at call − called) + Σ over deals (won at `to` − committed at the call), where a
 * deal's committed value is its amount if it was in Commit (or already won) at the call, else zero.
 * Each deal's term goes to one part by where it stood at the call and where it ended, so the parts
 * add up to the gap to the cent.
 */
export function attributeCallGap(input: BridgeInput, calledMinor: bigint): CallGap {
  const includes = input.includes ?? (() => true);
  const classify = { periodStart: input.periodStart, periodEnd: input.periodEnd, includes };
  const parts = new Map<CallGapKind, CallGapPart>();
  const add = (kind: CallGapKind, amountMinor: bigint, deal: BridgeDeal | null) => {
    const part = parts.get(kind) ?? { kind, amountMinor: 0n, deals: [] };
    part.amountMinor += amountMinor;
    if (deal) part.deals.push({ ...deal, amountMinor });
    parts.set(kind, part);
  };
  let commitAtCall = 0n;
  let closed = 0n;
  for (const history of groupHistories(input.versions)) {
    const atFrom = versionAt(history, input.from);
    const atTo = versionAt(history, input.to);
    const before = classifyDealState(atFrom, classify);
    const after = classifyDealState(atTo, classify);
    const committed =
      atFrom && (before === 'won' || (before === 'open' && atFrom.forecastCategory === 'Commit'))
        ? (computeCorporateAmount(input.rates, atFrom) ?? 0n)
        : 0n;
    const won = atTo && after === 'won' ? (computeCorporateAmount(input.rates, atTo) ?? 0n) : 0n;
    commitAtCall += committed;
    closed += won;
    const counted = before === 'won' || (before === 'open' && atFrom?.forecastCategory === 'Commit');
    if (!counted && after !== 'won') continue;
    const named = (after === 'unseen' || after === 'absent' ? atFrom : atTo) ?? atFrom;
    if (!named) continue;
    const deal = nameBridgeDeal(input, named, {
      amountMinor: 0n,
      at: named.validFrom,
      change: `${named.forecastCategory}, ${named.stage}, closing ${named.closeDate ?? 'undated'}`,
    });
    if (counted) {
      const kind = committedOutcome(after);
      if (won - committed !== 0n || kind !== 'commit-won-amount') add(kind, won - committed, deal);
    } else {
      add(uncommittedOrigin(before, atFrom), won, deal);
    }
  }
  add('call-over-commit', commitAtCall - calledMinor, null);
  const ordered = callGapKinds
    .map((kind) => parts.get(kind) ?? { kind, amountMinor: 0n, deals: [] })
    .map((part) => ({
      ...part,
      deals: part.deals.sort((a, b) => (abs(b.amountMinor) > abs(a.amountMinor) ? 1 : -1)),
    }));
  const gapMinor = closed - calledMinor;
  if (sumMinor(ordered.map((p) => p.amountMinor)) !== gapMinor) {
    throw new Error('call gap parts do not add up to the gap');
  }
  return { calledMinor, commitAtCallMinor: commitAtCall, closedMinor: closed, gapMinor, parts: ordered };
}

function committedOutcome(after: DealBucket): CallGapKind {
  switch (after) {
    case 'won':
      return 'commit-won-amount';
    case 'elsewhere':
      return 'commit-slipped';
    case 'lost':
      return 'commit-lost';
    case 'omitted':
      return 'commit-omitted';
    case 'open':
      return 'commit-still-open';
    default:
      return 'commit-reassigned';
  }
}

function uncommittedOrigin(before: DealBucket, atFrom: BridgeDealVersion | null): CallGapKind {
  if (before === 'open') return atFrom?.forecastCategory === 'Best Case' ? 'best-case-won' : 'pipeline-won';
  if (before === 'omitted') return 'omitted-won';
  return 'not-in-pipeline-won';
}

function versionAt(history: readonly BridgeDealVersion[], at: Date): BridgeDealVersion | null {
  let found: BridgeDealVersion | null = null;
  for (const version of history) if (version.validFrom <= at) found = version;
  return found;
}

function groupHistories(versions: readonly BridgeDealVersion[]): BridgeDealVersion[][] {
  const byDeal = new Map<string, BridgeDealVersion[]>();
  for (const v of versions) {
    const list = byDeal.get(v.dealId);
    if (list) list.push(v);
    else byDeal.set(v.dealId, [v]);
  }
  for (const list of byDeal.values()) list.sort((a, b) => a.validFrom.getTime() - b.validFrom.getTime());
  return [...byDeal.values()];
}

function abs(value: bigint): bigint {
  return value < 0n ? -value : value;
}
