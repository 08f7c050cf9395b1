import { DomainError } from '../domain-error.js';
import type { LedgerEvent } from '../ledger-event.js';
import { insightSchema, type InsightRecord } from './insight.js';

type EventLike = Pick<LedgerEvent, 'entityType' | 'entityId' | 'kind' | 'payload' | 'seq'>;

/** An insight's state: the record, and whether it was withdrawn (kept on the ledger, out of summaries). */
export type InsightState = InsightRecord & { withdrawn: boolean };

/**
 * Folds one event into an insight: `insight.captured` carries the full record, `insight.changed` a
 * partial one, `insight.withdrawn` takes it out of summaries (the ledger keeps it).
 */
export function applyInsightEvent(state: InsightState | null, event: EventLike): InsightState {
  if (event.kind === 'insight.captured') {
    if (state) fail(event, 'is captured twice');
    return { ...insightSchema.parse(event.payload), withdrawn: false };
  }
  if (!state) fail(event, `is changed by '${event.kind}' before it exists`);
  if (event.kind === 'insight.changed') {
    return { ...insightSchema.parse({ ...stripState(state), ...event.payload }), withdrawn: state.withdrawn };
  }
  if (event.kind === 'insight.withdrawn') return { ...state, withdrawn: true };
  return fail(event, `has an unknown event kind '${event.kind}'`);
}

function stripState(state: InsightState): InsightRecord {
  const { withdrawn: _withdrawn, ...record } = state;
  return record;
}

function fail(event: EventLike, what: string): never {
  throw new DomainError('ledger-broken', `${event.entityType} ${event.entityId} ${what} (seq ${event.seq})`);
}
