import { sql } from 'kysely';
import { DomainError } from '../core/domain-error.js';
import type { LedgerEvent, NewEvent } from '../core/ledger-event.js';
import { computeEventHash, computeEventTexts } from '../core/ledger-hash.js';
import type { Connection } from '../db/connection.js';
import type { EntityKey } from './entity-key.js';
import { eventColumns, ledgerEventToCopyLine } from './event-rows.js';
import { refreshEntities } from './refresh-projections.js';

export type AppendOptions = {
  /** The ledger's clock reading: every event of one append is recorded at this instant. */
  recordedTime: Date;
  /** Receives each event once it has its place in the chain (imports count and sample them). */
  onEvent?: (event: LedgerEvent) => void;
  /** Events handled per round (tests make it small to cross chunk boundaries). */
  eventsPerChunk?: number;
};

export type AppendResult = {
  count: number;
  head: { seq: bigint; hash: string };
  touched: EntityKey[];
};

/** Events handled per round by default: held in memory, copied, then projected. */
const defaultEventsPerChunk = 25_000;

/**
 * Appends events to the ledger and brings the projections of every entity they touch up to date,
 * inside the caller's transaction (see withTransaction): the events and their projections commit
 * together or not at all. The chain head row is locked first, so concurrent appenders queue up and
 * the chain never forks.
 *
 * Events are consumed in chunks: each chunk is hash-chained, copied to the ledger with COPY, and the
 * entities it touches are re-projected, from the chunk itself for entities with no earlier events
 * (the common case of an import) and from the ledger otherwise. Memory stays bounded by one chunk
 * and the set of touched keys, whatever the number of events.
 */
export async function appendEvents(
  conn: Connection,
  events: Iterable<NewEvent> | AsyncIterable<NewEvent>,
  options: AppendOptions,
): Promise<AppendResult> {
  const head = await sql<{ seq: string; hash: string }>`
    select seq, hash from ledger_head where id = 1 for update`.execute(conn.db);
  const start = head.rows[0];
  if (!start) throw new DomainError('ledger-broken', 'the ledger head row is missing');
  let seq = BigInt(start.seq);
  let prevHash = start.hash;
  const touched = new Map<string, EntityKey>();
  let chunk: LedgerEvent[] = [];
  let lines: string[] = [];
  const recordedTime = options.recordedTime.toISOString();

  const flush = async (): Promise<void> => {
    if (chunk.length === 0) return;
    const firstSeq = chunk[0]?.seq ?? 0n;
    await conn.copyFrom('events', eventColumns, lines);
    lines = [];
    await refreshEntities(conn, uniqueKeys(chunk), { chunk, firstSeq });
    chunk = [];
  };

  for await (const event of events) {
    seq += 1n;
    const ledgerEvent: LedgerEvent = {
      ...event,
      seq,
      recordedTime: options.recordedTime,
      prevHash,
      hash: '',
    };
    // The texts the hash and the stored row share (the payload's canonical JSON above all), once.
    const texts = computeEventTexts(ledgerEvent, recordedTime);
    ledgerEvent.hash = computeEventHash(ledgerEvent, texts);
    prevHash = ledgerEvent.hash;
    lines.push(ledgerEventToCopyLine(ledgerEvent, texts));
    const key = `${event.entityType}\u0000${event.entityId}`;
    if (!touched.has(key)) touched.set(key, { entityType: event.entityType, entityId: event.entityId });
    options.onEvent?.(ledgerEvent);
    chunk.push(ledgerEvent);
    if (chunk.length >= (options.eventsPerChunk ?? defaultEventsPerChunk)) await flush();
  }
  await flush();
  const count = Number(seq - BigInt(start.seq));
  if (count > 0) {
    await sql`update ledger_head set seq = ${seq.toString()}, hash = ${prevHash} where id = 1`.execute(
      conn.db,
    );
  }
  return { count, head: { seq, hash: prevHash }, touched: [...touched.values()] };
}

function uniqueKeys(events: readonly LedgerEvent[]): EntityKey[] {
  const keys = new Map<string, EntityKey>();
  for (const event of events) {
    keys.set(`${event.entityType}\u0000${event.entityId}`, {
      entityType: event.entityType,
      entityId: event.entityId,
    });
  }
  return [...keys.values()];
}
