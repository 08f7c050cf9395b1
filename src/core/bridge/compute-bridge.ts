import { formatMinor, sumMinor } from '../money.js';
import {
  bridgeStepKinds,
  type Bridge,
  type BridgeDeal,
  type BridgeDealVersion,
  type BridgePerson,
  type BridgeRates,
  type BridgeStep,
  type BridgeStepKind,
} from './bridge-types.js';
import { bucketCounts, classifyDealState } from './classify-deal-state.js';
import { computeCorporateAmount } from './compute-corporate-amount.js';
import { decomposeTransition, type WalkState } from './decompose-transition.js';
import { nameBridgeDeal } from './name-bridge-deal.js';

export type BridgeInput = {
  period: string;
  /** The period's close days, `[periodStart, periodEnd)`. */
  periodStart: string;
  periodEnd: string;
  from: Date;
  to: Date;
  /** Every version of the deals concerned that is valid at some moment of `[from, to]`, any order. */
  versions: readonly BridgeDealVersion[];
  rates: BridgeRates;
  corporateDecimals: number;
  people: ReadonlyMap<string, BridgePerson>;
  /** Account id → its segment. */
  segments: ReadonlyMap<string, string | null>;
  /** Which versions are in view (scope, a team filter, one group); a deal out of view counts as absent. */
  includes?: (version: BridgeDealVersion) => boolean;
};

/**
 * The bridge of a period between two moments: the open pipeline closing in the period at `from`,
 * each deal's movements up to `to` (state at T is the version with validFrom ≤ T < validTo, as in
 * the as-of pipeline), and where it ends, won plus open. Each deal's movements add up to the change
 * of its value, so `start + Σ steps = end` holds exactly, in corporate minor units. A deal appears
 * in every step it took (twice in `slipped` if it slipped twice, in `slipped` and `pulled-in` if it
 * went out and came back). Amounts convert at the rate of each version's close date.
 */
export function computeBridge(input: BridgeInput): Bridge {
  const includes = input.includes ?? (() => true);
  const classify = { periodStart: input.periodStart, periodEnd: input.periodEnd, includes };
  const everyVersion = { ...classify, includes: () => true };
  const byKind = new Map<BridgeStepKind, BridgeDeal[]>(bridgeStepKinds.map((k) => [k, []]));
  const netByKind = new Map<BridgeStepKind, bigint>(bridgeStepKinds.map((k) => [k, 0n]));
  const unconverted = new Set<string>();
  const totals = { start: 0n, won: 0n, open: 0n };
  const counts = { start: 0, won: 0, open: 0 };
  const pushes = { count: 0, deals: 0, dealIds: [] as string[] };
  const dealIds = { start: [] as string[], won: [] as string[], open: [] as string[] };
  const describe = {
    amount: (minor: bigint) => formatMinor(minor, input.corporateDecimals),
    owner: (ownerId: string | null) =>
      ownerId === null ? 'nobody' : (input.people.get(ownerId)?.name ?? ownerId),
  };

  for (const history of groupByDeal(input.versions)) {
    const first = history.findIndex((v) => v.validFrom > input.from);
    const atFromIndex = (first === -1 ? history.length : first) - 1;
    const atFrom = atFromIndex >= 0 ? (history[atFromIndex] ?? null) : null;
    const later = history.slice(atFromIndex + 1).filter((v) => v.validFrom <= input.to);

    // Won at `from` and won ever since (whoever owned it): not part of this bridge in any view.
    let wonBefore = classifyDealState(atFrom, everyVersion) === 'won';
    const stateOf = (version: BridgeDealVersion | null): WalkState => {
      wonBefore = wonBefore && classifyDealState(version, everyVersion) === 'won';
      let bucket = classifyDealState(version, classify);
      if (bucket === 'won' && wonBefore) bucket = 'won-before';
      let valueMinor = 0n;
      if (version && bucketCounts(bucket)) {
        const converted = computeCorporateAmount(input.rates, version);
        if (converted === null && version.amountMinor !== null) unconverted.add(version.dealId);
        valueMinor = converted ?? 0n;
      }
      return { bucket, valueMinor, version };
    };

    let state = stateOf(atFrom);
    if (state.bucket === 'open') {
      totals.start += state.valueMinor;
      counts.start += 1;
      if (atFrom) dealIds.start.push(atFrom.dealId);
    }
    for (const version of later) {
      const next = stateOf(version);
      for (const movement of decomposeTransition(state, next, describe)) {
        netByKind.set(movement.kind, (netByKind.get(movement.kind) ?? 0n) + movement.deltaMinor);
        byKind.get(movement.kind)?.push(
          nameBridgeDeal(input, movement.named, {
            amountMinor: movement.amountMinor,
            at: version.validFrom,
            change: movement.change,
          }),
        );
      }
      state = next;
    }
    if (state.bucket === 'open') {
      totals.open += state.valueMinor;
      counts.open += 1;
      if (state.version) dealIds.open.push(state.version.dealId);
    } else if (state.bucket === 'won') {
      totals.won += state.valueMinor;
      counts.won += 1;
      if (state.version) dealIds.won.push(state.version.dealId);
    }
    const pushed = countPushes(atFrom, later, includes, classify);
    if (pushed > 0) {
      pushes.count += pushed;
      pushes.deals += 1;
      if (history[0]) pushes.dealIds.push(history[0].dealId);
    }
  }

  const steps: BridgeStep[] = bridgeStepKinds.map((kind) => ({
    kind,
    amountMinor: netByKind.get(kind) ?? 0n,
    deals: (byKind.get(kind) ?? []).sort(byLargestMove),
  }));
  const endMinor = totals.won + totals.open;
  const walked = totals.start + sumMinor(steps.map((s) => s.amountMinor));
  if (walked !== endMinor) {
    // Each deal's movements telescope to its change of value, so this cannot differ; if it ever
    // did, a wrong bridge must not reach a boardroom.
    throw new Error(`bridge does not add up: start + steps = ${walked}, end = ${endMinor}`);
  }
  return {
    period: input.period,
    from: input.from,
    to: input.to,
    currency: input.rates.corporateCurrency,
    startMinor: totals.start,
    wonMinor: totals.won,
    openMinor: totals.open,
    endMinor,
    steps,
    unconverted: [...unconverted].sort(),
    counts,
    dealIds,
    pushes,
  };
}

/** Versions grouped by deal, each deal's versions in business-time order. */
function groupByDeal(versions: readonly BridgeDealVersion[]): BridgeDealVersion[][] {
  const byDeal = new Map<string, BridgeDealVersion[]>();
  for (const version of versions) {
    const list = byDeal.get(version.dealId);
    if (list) list.push(version);
    else byDeal.set(version.dealId, [version]);
  }
  const histories = [...byDeal.values()];
  for (const history of histories) history.sort((a, b) => a.validFrom.getTime() - b.validFrom.getTime());
  return histories;
}

/** Close-date pushes recorded in the window while the deal was in view and closing in the period. */
function countPushes(
  atFrom: BridgeDealVersion | null,
  later: readonly BridgeDealVersion[],
  includes: (version: BridgeDealVersion) => boolean,
  classify: Parameters<typeof classifyDealState>[1],
): number {
  let pushed = 0;
  let previous = atFrom;
  for (const version of later) {
    if (previous && version.pushCount > previous.pushCount && includes(previous)) {
      const bucket = classifyDealState(previous, classify);
      if (bucket !== 'elsewhere') pushed += version.pushCount - previous.pushCount;
    }
    previous = version;
  }
  return pushed;
}

/** Largest move first, then earliest, then by id (code-point order: cheap, and the same everywhere). */
function byLargestMove(a: BridgeDeal, b: BridgeDeal): number {
  const sizeA = a.amountMinor < 0n ? -a.amountMinor : a.amountMinor;
  const sizeB = b.amountMinor < 0n ? -b.amountMinor : b.amountMinor;
  if (sizeA !== sizeB) return sizeB > sizeA ? 1 : -1;
  return a.at.getTime() - b.at.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
