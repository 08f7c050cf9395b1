import { applyOpportunityEvent } from './apply-opportunity-event.js';
import type { LedgerEvent } from './ledger-event.js';
import type { OpportunityState } from './opportunity.js';

/** One state of an opportunity and the business-time interval [validFrom, validTo) it held. */
export type OpportunityVersion = {
  state: OpportunityState;
  validFrom: Date;
  /** Null while it is the latest version. */
  validTo: Date | null;
};

export type OpportunityHistory = {
  current: OpportunityState;
  versions: OpportunityVersion[];
};

type HistoryEvent = Parameters<typeof applyOpportunityEvent>[1];

/**
 * Orders events as the projections apply them: by business time, then by sequence number.
 * Backdated and imported events thus land where they took effect, not where they were recorded.
 */
export function compareBusinessOrder(
  a: Pick<LedgerEvent, 'businessTime' | 'seq'>,
  b: Pick<LedgerEvent, 'businessTime' | 'seq'>,
): number {
  const byTime = a.businessTime.getTime() - b.businessTime.getTime();
  if (byTime !== 0) return byTime;
  return a.seq < b.seq ? -1 : a.seq > b.seq ? 1 : 0;
}

/**
 * Replays one opportunity's events into its current state and its versions. Several events at the
 * same business time yield one version (the state after the last of them): a zero-length interval
 * is visible to no as-of query, so it is not stored.
 */
export function computeOpportunityHistory(events: readonly HistoryEvent[]): OpportunityHistory {
  const ordered = [...events].sort(compareBusinessOrder);
  const versions: OpportunityVersion[] = [];
  let state: OpportunityState | null = null;
  for (const event of ordered) {
    state = applyOpportunityEvent(state, event);
    const previous = versions.at(-1);
    if (previous && previous.validFrom.getTime() === event.businessTime.getTime()) {
      previous.state = state;
      continue;
    }
    if (previous) previous.validTo = event.businessTime;
    versions.push({ state, validFrom: event.businessTime, validTo: null });
  }
  if (!state) throw new RangeError('computeOpportunityHistory needs at least one event');
  return { current: state, versions };
}
