import { sql } from 'kysely';
import type { EntityType, LedgerEvent } from '../core/ledger-event.js';
import type { Connection } from '../db/connection.js';
import { encodeCopyRow } from '../db/copy-text.js';
import { chunk, groupEntityKeys, type EntityKey } from './entity-key.js';
import { rowToLedgerEvent } from './event-rows.js';
import { projectEntity, projectionTables, type ProjectionRow } from './projection-tables.js';

/** How many entities are replayed and rewritten per round trip. */
const entitiesPerChunk = 2_000;

/**
 * Events just appended and still in memory: entities with no event before `firstSeq` are replayed
 * from these alone, sparing a read of the ledger.
 */
export type FreshEvents = { chunk: readonly LedgerEvent[]; firstSeq: bigint };

/**
 * Recomputes the projections of the given entities from all of their events: delete their rows,
 * replay, write the replayed rows. Used after every append, so a backdated event simply lands in
 * its place in business time.
 */
export async function refreshEntities(
  conn: Connection,
  keys: readonly EntityKey[],
  fresh?: FreshEvents,
): Promise<void> {
  for (const [entityType, ids] of groupEntityKeys(keys)) {
    for (const idChunk of chunk(ids, entitiesPerChunk)) {
      await deleteProjectedRows(conn, entityType, idChunk);
      const projected = fresh
        ? await replayWithFreshEvents(conn, entityType, idChunk, fresh)
        : await replayEntities(conn, entityType, idChunk);
      await writeProjectedRows(conn, entityType, projected);
    }
  }
}

async function replayWithFreshEvents(
  conn: Pick<Connection, 'db'>,
  entityType: EntityType,
  ids: readonly string[],
  fresh: FreshEvents,
): Promise<Map<string, Record<string, ProjectionRow[]>>> {
  const older = await conn.db
    .selectFrom('events')
    .select('entity_id')
    .distinct()
    .where('entity_type', '=', entityType)
    .where('entity_id', 'in', ids)
    .where('seq', '<', fresh.firstSeq.toString())
    .execute();
  const fromLedger = new Set(older.map((r) => r.entity_id));
  const projected = fromLedger.size > 0 ? await replayEntities(conn, entityType, [...fromLedger]) : new Map();
  const wanted = new Set(ids.filter((id) => !fromLedger.has(id)));
  const byEntity = new Map<string, LedgerEvent[]>();
  for (const event of fresh.chunk) {
    if (event.entityType !== entityType || !wanted.has(event.entityId)) continue;
    let list = byEntity.get(event.entityId);
    if (!list) byEntity.set(event.entityId, (list = []));
    list.push(event);
  }
  for (const [id, events] of byEntity) projected.set(id, projectEntity(entityType, id, events));
  return projected;
}

/** Empties every projection and replays the whole ledger into them. */
export async function rebuildProjections(
  conn: Connection,
  onProgress?: (done: number, total: number) => void,
): Promise<{ entities: number }> {
  for (const tables of Object.values(projectionTables)) {
    for (const table of tables) await sql`delete from ${sql.table(table.name)}`.execute(conn.db);
  }
  const keys = await listLedgerEntities(conn);
  let done = 0;
  for (const [entityType, ids] of groupEntityKeys(keys)) {
    for (const idChunk of chunk(ids, entitiesPerChunk)) {
      await writeProjectedRows(conn, entityType, await replayEntities(conn, entityType, idChunk));
      done += idChunk.length;
      onProgress?.(done, keys.length);
    }
  }
  return { entities: keys.length };
}

export async function listLedgerEntities(conn: Pick<Connection, 'db'>): Promise<EntityKey[]> {
  const rows = await conn.db
    .selectFrom('events')
    .select(['entity_type', 'entity_id'])
    .distinct()
    .orderBy('entity_type')
    .orderBy('entity_id')
    .execute();
  return rows.map((r) => ({ entityType: r.entity_type as EntityType, entityId: r.entity_id }));
}

/** Replays each entity from its events; returns the rows per table for all of them together. */
export async function replayEntities(
  conn: Pick<Connection, 'db'>,
  entityType: EntityType,
  ids: readonly string[],
): Promise<Map<string, Record<string, ProjectionRow[]>>> {
  const rows = await conn.db
    .selectFrom('events')
    .selectAll()
    .where('entity_type', '=', entityType)
    .where('entity_id', 'in', ids)
    .orderBy('entity_id')
    .orderBy('business_time')
    .orderBy('seq')
    .execute();
  const byEntity = new Map<string, ReturnType<typeof rowToLedgerEvent>[]>();
  for (const row of rows) {
    let list = byEntity.get(row.entity_id);
    if (!list) byEntity.set(row.entity_id, (list = []));
    list.push(rowToLedgerEvent(row));
  }
  const projected = new Map<string, Record<string, ProjectionRow[]>>();
  for (const [id, events] of byEntity) projected.set(id, projectEntity(entityType, id, events));
  return projected;
}

async function deleteProjectedRows(
  conn: Connection,
  entityType: EntityType,
  ids: readonly string[],
): Promise<void> {
  for (const table of projectionTables[entityType]) {
    if (table.entityColumn === null) await sql`delete from ${sql.table(table.name)}`.execute(conn.db);
    else {
      await sql`delete from ${sql.table(table.name)} where ${sql.ref(table.entityColumn)} = any(${ids})`.execute(
        conn.db,
      );
    }
  }
}

async function writeProjectedRows(
  conn: Connection,
  entityType: EntityType,
  projected: Map<string, Record<string, ProjectionRow[]>>,
): Promise<void> {
  for (const table of projectionTables[entityType]) {
    const names = table.columns.map((c) => c.name);
    const lines: string[] = [];
    for (const rowsByTable of projected.values()) {
      for (const row of rowsByTable[table.name] ?? [])
        lines.push(encodeCopyRow(names.map((n) => row[n] ?? null)));
    }
    if (lines.length > 0) await conn.copyFrom(table.name, names, lines);
  }
}
