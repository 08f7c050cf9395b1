import type { JsonValue } from '../../core/canonical-json.js';
import type { EntityType } from '../../core/ledger-event.js';
import { appendEvents } from '../../store/append-events.js';
import { lockLedgerForChange } from '../../store/admin-queries.js';
import { withTransaction, type Connection, type DatabaseHandle } from '../../store/session.js';

/** Who makes a change through the web app or the API, from where, and when (the app's clock). */
export type ChangeContext = {
  actor: string;
  source: 'ui' | 'api' | 'cli';
  now: Date;
};

/** A change to record: one ledger event, timed and attributed by the context. */
export type RecordChange = {
  entityType: EntityType;
  entityId: string;
  kind: string;
  payload: { [key: string]: JsonValue };
};

/**
 * Runs a change in one transaction that holds the ledger's write lock from the start, so the
 * checks `work` makes still hold when it records its events; `record` appends them with business
 * time = recorded time = now (a change made now takes effect now) and refreshes the projections,
 * so `work` can read the result back before returning it.
 */
export async function runChange<T>(
  handle: DatabaseHandle,
  context: ChangeContext,
  work: (conn: Connection, record: (changes: readonly RecordChange[]) => Promise<void>) => Promise<T>,
): Promise<T> {
  return withTransaction(handle, async (conn) => {
    await lockLedgerForChange(conn);
    return work(conn, (changes) => appendChanges(conn, context, changes));
  });
}

export async function appendChanges(
  conn: Connection,
  context: ChangeContext,
  changes: readonly RecordChange[],
): Promise<void> {
  if (changes.length === 0) return;
  await appendEvents(
    conn,
    changes.map((change) => ({
      ...change,
      businessTime: context.now,
      actor: context.actor,
      source: context.source,
      batchId: null,
      originKey: null,
    })),
    { recordedTime: context.now },
  );
}
