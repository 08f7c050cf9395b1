import type { EntityType, LedgerEvent } from '../core/ledger-event.js';
import type { Connection } from '../db/connection.js';
import { rowToLedgerEvent } from './event-rows.js';

/** Every event of one entity, in ledger order: its timeline. */
export async function listEntityEvents(
  conn: Pick<Connection, 'db'>,
  entityType: EntityType,
  entityId: string,
): Promise<LedgerEvent[]> {
  const rows = await conn.db
    .selectFrom('events')
    .selectAll()
    .where('entity_type', '=', entityType)
    .where('entity_id', '=', entityId)
    .orderBy('seq')
    .execute();
  return rows.map(rowToLedgerEvent);
}
