import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';
import type { LedgerEvent } from './ledger-event.js';

/**
 * The canonical text of an event: every field except its own hash, with times as ISO-8601 UTC
 * (millisecond precision, what JavaScript and PostgreSQL both keep exactly) and the sequence number
 * as a decimal string. Changing, removing or reordering any event changes this text or the chain.
 */
export function canonicalEventText(event: Omit<LedgerEvent, 'hash'>): string {
  // Written out in sorted key order instead of canonicalJson({...}): the same text (a test holds
  // them equal), without building and sorting an object per event on the import path.
  return (
    `{"actor":${JSON.stringify(event.actor)}` +
    `,"batchId":${event.batchId === null ? 'null' : JSON.stringify(event.batchId)}` +
    `,"businessTime":"${event.businessTime.toISOString()}"` +
    `,"entityId":${JSON.stringify(event.entityId)}` +
    `,"entityType":${JSON.stringify(event.entityType)}` +
    `,"kind":${JSON.stringify(event.kind)}` +
    `,"originKey":${event.originKey === null ? 'null' : JSON.stringify(event.originKey)}` +
    `,"payload":${canonicalJson(event.payload)}` +
    `,"prevHash":${JSON.stringify(event.prevHash)}` +
    `,"recordedTime":"${event.recordedTime.toISOString()}"` +
    `,"seq":"${event.seq.toString()}"` +
    `,"source":${JSON.stringify(event.source)}}`
  );
}

/** The definition the fast form above must equal. */
export function canonicalEventTextByDefinition(event: Omit<LedgerEvent, 'hash'>): string {
  return canonicalJson({
    seq: event.seq.toString(),
    businessTime: event.businessTime.toISOString(),
    recordedTime: event.recordedTime.toISOString(),
    actor: event.actor,
    source: event.source,
    batchId: event.batchId,
    entityType: event.entityType,
    entityId: event.entityId,
    kind: event.kind,
    payload: event.payload,
    originKey: event.originKey,
    prevHash: event.prevHash,
  });
}

/** `hash = sha256(prevHash ‖ canonical text)`, hex encoded. */
export function computeEventHash(event: Omit<LedgerEvent, 'hash'>): string {
  return createHash('sha256').update(event.prevHash).update(canonicalEventText(event)).digest('hex');
}
