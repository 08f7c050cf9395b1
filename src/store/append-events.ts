import { sql } from 'kysely';
import { DomainError } from '../core/domain-error.js';
import type { LedgerEvent, NewEvent } from '../core/ledger-event.js';
import { computeEventHash } from '../core/ledger-hash.js';
import type { Connection } from '../db/connection.js';
import type { EntityKey } from './entity-key.js';
import { eventColumns, ledgerEventToCopyLine } from './event-rows.js';
import { refreshEntities } from './refresh-projections.js';

export type AppendOptions = {
  /** The ledger's clock reading: every event of one append is recorded at this instant. */
  recordedTime: Date;
  /** Receives each event once it has its place in the chain (imports count and sample them). */
  onEvent?: (event: LedgerEvent) => void;
};

export type AppendResult = {
  count: number;
  head: { seq: bigint; hash: string };
  touched: EntityKey[];
};

/**
 * Appends events to the ledger and brings the projections of every entity they touch up to date,
 * inside the caller's transaction (see withTransaction): the events and their projections commit
 * together or not at all. The chain head row is locked first, so concurrent appenders queue up and
 * the chain never forks. Events stream to the database with COPY, so an import of millions of
 * events holds only the touched-entity keys in memory.
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

  const lines = (async function* () {
    for await (const event of events) {
      seq += 1n;
      const stored: Omit<LedgerEvent, 'hash'> = {
        ...event,
        seq,
        recordedTime: options.recordedTime,
        prevHash,
      };
      const ledgerEvent: LedgerEvent = { ...stored, hash: computeEventHash(stored) };
      prevHash = ledgerEvent.hash;
      touched.set(`${event.entityType}\u0000${event.entityId}`, {
        entityType: event.entityType,
        entityId: event.entityId,
      });
      options.onEvent?.(ledgerEvent);
      yield ledgerEventToCopyLine(ledgerEvent);
    }
  })();
  const count = await conn.copyFrom('events', eventColumns, lines);
  if (count > 0) {
    await sql`update ledger_head set seq = ${seq.toString()}, hash = ${prevHash} where id = 1`.execute(
      conn.db,
    );
  }
  const keys = [...touched.values()];
  await refreshEntities(conn, keys);
  return { count, head: { seq, hash: prevHash }, touched: keys };
}
