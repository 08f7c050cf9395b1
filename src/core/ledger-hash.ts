import { hash } from 'node:crypto';
import { canonicalJson, quoteJson } from './canonical-json.js';
import type { LedgerEvent } from './ledger-event.js';

/**
 * The text forms of an event's fields that its hash and its stored row both need: computed once per
 * event on the import path (the payload's canonical JSON is also what the ledger stores; jsonb keeps
 * the same value whatever the key order).
 */
export type EventTexts = { seq: string; businessTime: string; recordedTime: string; payload: string };

export function computeEventTexts(
  event: Pick<LedgerEvent, 'seq' | 'businessTime' | 'recordedTime' | 'payload'>,
  recordedTime = event.recordedTime.toISOString(),
): EventTexts {
  return {
    seq: event.seq.toString(),
    businessTime: event.businessTime.toISOString(),
    recordedTime,
    payload: canonicalJson(event.payload),
  };
}

/**
 * The canonical text of an event: every field except its own hash, with times as ISO-8601 UTC
 * (millisecond precision, what JavaScript and PostgreSQL both keep exactly) and the sequence number
 * as a decimal string. Changing, removing or reordering any event changes this text or the chain.
 */
export function canonicalEventText(
  event: Omit<LedgerEvent, 'hash'>,
  texts: EventTexts = computeEventTexts(event),
): string {
  // Written out in sorted key order instead of canonicalJson({...}): the same text (a test holds
  // them equal), without building and sorting an object per event on the import path.
  return (
    `{"actor":${quoteJson(event.actor)}` +
    `,"batchId":${event.batchId === null ? 'null' : quoteJson(event.batchId)}` +
    `,"businessTime":"${texts.businessTime}"` +
    `,"entityId":${quoteJson(event.entityId)}` +
    `,"entityType":${quoteJson(event.entityType)}` +
    `,"kind":${quoteJson(event.kind)}` +
    `,"originKey":${event.originKey === null ? 'null' : quoteJson(event.originKey)}` +
    `,"payload":${texts.payload}` +
    `,"prevHash":${quoteJson(event.prevHash)}` +
    `,"recordedTime":"${texts.recordedTime}"` +
    `,"seq":"${texts.seq}"` +
    `,"source":${quoteJson(event.source)}}`
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

/**
 * `hash = sha256(prevHash ‖ canonical text)`, hex encoded. `texts` must be `computeEventTexts` of
 * this event; callers that also store the event pass them to compute them once.
 */
export function computeEventHash(event: Omit<LedgerEvent, 'hash'>, texts?: EventTexts): string {
  // One-shot hashing of one string: about half the cost of a Hash object fed twice (measured).
  return hash('sha256', event.prevHash + canonicalEventText(event, texts), 'hex');
}
