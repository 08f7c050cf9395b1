import { foldCallEvents } from '../calls/call-submission.js';
import { foldEngagementEvents } from '../engagement/fold-engagement-events.js';
import { applyQuotaEvents } from '../quotas/apply-quota-events.js';
import { applyTargetEvents } from '../quotas/indicator-targets.js';
import { applyRecordEvent, isRecordEntityType, type RecordStates } from '../apply-record-event.js';
import { GENESIS_HASH, type LedgerEvent, type NewEvent } from '../ledger-event.js';
import { computeEventHash } from '../ledger-hash.js';
import {
  compareBusinessOrder,
  computeOpportunityHistory,
  type OpportunityHistory,
} from '../opportunity-history.js';

/** Test support: the demo's events chained and folded exactly as the ledger and projections do. */
export type Replay = {
  events: LedgerEvent[];
  records: { [K in keyof RecordStates]: Map<string, RecordStates[K]> };
  deals: Map<string, OpportunityHistory>;
};

/** Gives the events their place in a chain, as the ledger would, recorded at `now`. */
export function chain(events: readonly NewEvent[], recordedTime: Date): LedgerEvent[] {
  let prevHash = GENESIS_HASH;
  return events.map((event, i) => {
    const stored = { ...event, seq: BigInt(i + 1), recordedTime, prevHash };
    const hash = computeEventHash(stored);
    prevHash = hash;
    return { ...stored, hash };
  });
}

/** Numbers the events and stamps them recorded, without hashing: enough to fold them. */
export function sequence(events: readonly NewEvent[], recordedTime: Date): LedgerEvent[] {
  return events.map((event, i) => ({ ...event, seq: BigInt(i + 1), recordedTime, prevHash: '', hash: '' }));
}

/** Folds every event with the reducers the projections use; throws as they would. */
export function replay(events: readonly NewEvent[], recordedTime: Date): Replay {
  const chained = chain(events, recordedTime);
  const grouped = new Map<string, LedgerEvent[]>();
  for (const event of chained) {
    const key = `${event.entityType}\u0000${event.entityId}`;
    grouped.set(key, [...(grouped.get(key) ?? []), event]);
  }
  const records = {
    org: new Map(),
    currency: new Map(),
    stage: new Map(),
    team: new Map(),
    user: new Map(),
    account: new Map(),
    activity: new Map(),
    import: new Map(),
  } as Replay['records'];
  const deals = new Map<string, OpportunityHistory>();
  for (const list of grouped.values()) {
    const first = list[0] as LedgerEvent;
    if (first.entityType === 'opportunity') {
      deals.set(first.entityId, computeOpportunityHistory(list));
      continue;
    }
    if (first.entityType === 'call') {
      foldCallEvents(list); // throws as the projection would on a malformed call
      continue;
    }
    if (foldEngagementEvents(list)) continue; // insights, meetings, programme: throws if malformed
    if (first.entityType === 'quota' || first.entityType === 'target') {
      // Quotas and targets fold as their projections do; a malformed one throws.
      const ordered = [...list].sort(compareBusinessOrder);
      if (first.entityType === 'quota') applyQuotaEvents(ordered);
      else applyTargetEvents(ordered);
      continue;
    }
    const type = first.entityType;
    if (!isRecordEntityType(type)) throw new Error(`unexpected entity type ${type}`);
    let state: RecordStates[typeof type] | null = null;
    for (const event of [...list].sort(compareBusinessOrder)) state = applyRecordEvent(type, state, event);
    (records[type] as Map<string, unknown>).set(first.entityId, state);
  }
  return { events: chained, records, deals };
}
