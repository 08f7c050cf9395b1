import { DomainError } from './domain-error.js';
import type { LedgerEvent } from './ledger-event.js';
import type { OpportunityFields, OpportunityState } from './opportunity.js';
import {
  payloadToOpportunityChanges,
  payloadToOpportunityFields,
  type OpportunityChanges,
} from './opportunity-payload.js';

export type OpportunityEventKind = 'opportunity.created' | 'opportunity.changed';

/**
 * Folds one event into an opportunity's state. Events must come in business-time order (ties by
 * sequence number); this is the only place that says what an opportunity event means, and every
 * projection, replay and verification goes through it.
 */
export function applyOpportunityEvent(
  state: OpportunityState | null,
  event: Pick<
    LedgerEvent,
    'entityId' | 'kind' | 'payload' | 'businessTime' | 'recordedTime' | 'source' | 'seq'
  >,
): OpportunityState {
  switch (event.kind) {
    case 'opportunity.created': {
      if (state) {
        throw new DomainError(
          'ledger-broken',
          `opportunity ${event.entityId} is created twice (seq ${event.seq})`,
        );
      }
      const fields = payloadToOpportunityFields(event.payload);
      return {
        ...fields,
        id: event.entityId,
        stageEnteredAt: event.businessTime,
        pushCount: 0,
        closedRecordedAt: fields.isClosed ? closeRecordingTime(event) : null,
        updatedAt: event.businessTime,
        lastSeq: event.seq,
      };
    }
    case 'opportunity.changed': {
      if (!state) {
        throw new DomainError(
          'ledger-broken',
          `opportunity ${event.entityId} is changed (seq ${event.seq}) before it was created`,
        );
      }
      return applyChanges(state, payloadToOpportunityChanges(event.payload), event);
    }
    default:
      throw new DomainError(
        'ledger-broken',
        `unknown opportunity event kind '${event.kind}' (seq ${event.seq})`,
      );
  }
}

function applyChanges(
  state: OpportunityState,
  changes: OpportunityChanges,
  event: Pick<LedgerEvent, 'businessTime' | 'recordedTime' | 'source' | 'seq'>,
): OpportunityState {
  const { fields: fieldChanges, ...scalarChanges } = changes;
  const next: OpportunityState = {
    ...state,
    ...(scalarChanges as Partial<OpportunityFields>),
    fields: mergeFields(state.fields, fieldChanges),
    updatedAt: event.businessTime,
    lastSeq: event.seq,
  };
  if (next.stage !== state.stage) next.stageEnteredAt = event.businessTime;
  if (!state.isClosed && state.closeDate && next.closeDate && next.closeDate > state.closeDate) {
    next.pushCount = state.pushCount + 1;
  }
  if (next.isClosed && !state.isClosed) next.closedRecordedAt = closeRecordingTime(event);
  if (!next.isClosed) next.closedRecordedAt = null;
  return next;
}

function mergeFields(
  current: Record<string, string>,
  changes: Record<string, string | null> | undefined,
): Record<string, string> {
  if (!changes) return current;
  const merged = { ...current };
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) delete merged[key];
    else merged[key] = value;
  }
  return merged;
}

/** Imported history carries the source's own timestamp; changes made in Candor carry the ledger's. */
function closeRecordingTime(event: Pick<LedgerEvent, 'businessTime' | 'recordedTime' | 'source'>): Date {
  return event.source === 'import' ? event.businessTime : event.recordedTime;
}
