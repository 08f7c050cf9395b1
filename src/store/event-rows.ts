import type { Selectable } from 'kysely';
import { DomainError } from '../core/domain-error.js';
import type { EntityType, EventSource, LedgerEvent } from '../core/ledger-event.js';
import type { JsonValue } from '../core/canonical-json.js';
import { computeEventTexts, type EventTexts } from '../core/ledger-hash.js';
import { encodeCopyRow } from '../db/copy-text.js';
import type { EventsTable } from '../db/database.js';

export const eventColumns = [
  'seq',
  'business_time',
  'recorded_time',
  'actor',
  'source',
  'batch_id',
  'entity_type',
  'entity_id',
  'kind',
  'payload',
  'origin_key',
  'prev_hash',
  'hash',
] as const;

export function rowToLedgerEvent(row: Selectable<EventsTable>): LedgerEvent {
  return {
    seq: BigInt(row.seq),
    businessTime: row.business_time,
    recordedTime: row.recorded_time,
    actor: row.actor,
    source: row.source as EventSource,
    batchId: row.batch_id,
    entityType: row.entity_type as EntityType,
    entityId: row.entity_id,
    kind: row.kind,
    payload: row.payload as { [key: string]: JsonValue },
    originKey: row.origin_key,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/** The event's COPY line; `texts` (see computeEventTexts) spares encoding its fields a second time. */
export function ledgerEventToCopyLine(
  event: LedgerEvent,
  texts: EventTexts = computeEventTexts(event),
): string {
  const payloadText = texts.payload;
  // PostgreSQL's jsonb cannot hold NUL characters; say so before the database does, less clearly.
  if (payloadText.includes('\\u0000')) {
    throw new DomainError(
      'invalid-input',
      `${event.entityType} ${event.entityId}: text contains a NUL character`,
    );
  }
  return encodeCopyRow([
    texts.seq,
    texts.businessTime,
    texts.recordedTime,
    event.actor,
    event.source,
    event.batchId,
    event.entityType,
    event.entityId,
    event.kind,
    payloadText,
    event.originKey,
    event.prevHash,
    event.hash,
  ]);
}
