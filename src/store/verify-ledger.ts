import { sql } from 'kysely';
import { canonicalJson } from '../core/canonical-json.js';
import { GENESIS_HASH } from '../core/ledger-event.js';
import { computeEventHash } from '../core/ledger-hash.js';
import type { Connection } from '../db/connection.js';
import { chunk, groupEntityKeys } from './entity-key.js';
import { rowToLedgerEvent } from './event-rows.js';
import { listLedgerEntities, replayEntities } from './refresh-projections.js';
import { projectionTables, type ProjectionTable } from './projection-tables.js';

export type LedgerProblem = {
  kind:
    | 'hash-mismatch'
    | 'broken-link'
    | 'sequence-gap'
    | 'head-mismatch'
    | 'replay-failed'
    | 'projection-mismatch';
  /** The event concerned, when there is one. */
  seq?: string;
  /** `table entity-id` for projection problems. */
  where?: string;
  message: string;
};

export type VerifyResult = {
  ok: boolean;
  length: bigint;
  head: string;
  problems: LedgerProblem[];
};

const pageSize = 20_000;
const problemLimit = 200;

/**
 * Recomputes the hash chain from the first event: each event's hash must equal
 * sha256(previous hash ‖ canonical text) and name the hash before it; sequence numbers run 1, 2, 3…
 * with no gap; the stored head names the last event. Any edit, deletion or reordering breaks one.
 */
export async function verifyChain(
  conn: Pick<Connection, 'db'>,
  onProgress?: (checked: bigint) => void,
): Promise<VerifyResult> {
  const problems: LedgerProblem[] = [];
  let expectedSeq = 1n;
  let prevHash = GENESIS_HASH;
  let after = '0';
  for (;;) {
    const rows = await conn.db
      .selectFrom('events')
      .selectAll()
      .where('seq', '>', after)
      .orderBy('seq')
      .limit(pageSize)
      .execute();
    if (rows.length === 0) break;
    for (const row of rows) {
      const event = rowToLedgerEvent(row);
      const seq = event.seq.toString();
      if (event.seq !== expectedSeq) {
        problems.push({
          kind: 'sequence-gap',
          seq,
          message: `event ${seq} follows ${expectedSeq - 1n}: events ${expectedSeq}…${event.seq - 1n} are missing or reordered`,
        });
      }
      if (event.prevHash !== prevHash) {
        problems.push({
          kind: 'broken-link',
          seq,
          message: `event ${seq} names ${event.prevHash.slice(0, 12)}… as the hash before it, but that is ${prevHash.slice(0, 12)}…`,
        });
      }
      const recomputed = computeEventHash(event);
      if (recomputed !== event.hash) {
        problems.push({
          kind: 'hash-mismatch',
          seq,
          message: `event ${seq} (${event.kind} on ${event.entityType} ${event.entityId}) does not match its hash: its content was changed`,
        });
      }
      prevHash = event.hash;
      expectedSeq = event.seq + 1n;
      if (problems.length >= problemLimit) break;
    }
    after = rows.at(-1)?.seq ?? after;
    onProgress?.(expectedSeq - 1n);
    if (problems.length >= problemLimit) break;
  }
  const length = expectedSeq - 1n;
  const head = await conn.db.selectFrom('ledger_head').select(['seq', 'hash']).executeTakeFirst();
  if (problems.length < problemLimit && (!head || BigInt(head.seq) !== length || head.hash !== prevHash)) {
    problems.push({
      kind: 'head-mismatch',
      message: `the recorded chain head (${head?.seq ?? 'none'}, ${head?.hash.slice(0, 12) ?? ''}…) is not the last event (${length}, ${prevHash.slice(0, 12)}…): events were removed from the end or added around the ledger`,
    });
  }
  return { ok: problems.length === 0, length, head: prevHash, problems };
}

/**
 * Replays every entity and compares the result with each projection table row by row; also finds
 * projection rows for which the ledger has no events at all. `onProgress` hears how many entities
 * of how many have been compared, after each chunk.
 */
export async function verifyProjections(
  conn: Pick<Connection, 'db'>,
  onProgress?: (done: number, total: number) => void,
): Promise<LedgerProblem[]> {
  const problems: LedgerProblem[] = [];
  const keys = await listLedgerEntities(conn);
  let done = 0;
  onProgress?.(0, keys.length);
  for (const [entityType, ids] of groupEntityKeys(keys)) {
    for (const idChunk of chunk(ids, 2_000)) {
      let expected;
      try {
        expected = await replayEntities(conn, entityType, idChunk);
      } catch (error) {
        problems.push({ kind: 'replay-failed', where: entityType, message: (error as Error).message });
        continue;
      }
      for (const table of projectionTables[entityType]) {
        const actual = await readRows(conn, table, idChunk);
        for (const id of idChunk) {
          const want = (expected.get(id)?.[table.name] ?? []).map((r) => canonicalJson(r)).sort();
          const have = (actual.get(table.entityColumn === null ? '' : id) ?? []).sort();
          if (canonicalJson(want) !== canonicalJson(have)) {
            problems.push({
              kind: 'projection-mismatch',
              where: `${table.name} ${id}`,
              message: describeDifference(table.name, id, want, have),
            });
          }
        }
      }
      done += idChunk.length;
      onProgress?.(done, keys.length);
      if (problems.length >= problemLimit) return problems;
    }
  }
  for (const [entityType, tables] of Object.entries(projectionTables)) {
    for (const table of tables) {
      if (table.entityColumn === null) continue;
      const orphans = await sql<{ id: string }>`
        select distinct ${sql.ref(table.entityColumn)} as id from ${sql.table(table.name)} p
        where not exists (select 1 from events e where e.entity_type = ${entityType}
                          and e.entity_id = p.${sql.ref(table.entityColumn)})
        limit 20`.execute(conn.db);
      for (const orphan of orphans.rows) {
        problems.push({
          kind: 'projection-mismatch',
          where: `${table.name} ${orphan.id}`,
          message: `${table.name} has rows for ${entityType} ${orphan.id}, which no ledger event created`,
        });
      }
    }
  }
  return problems;
}

async function readRows(
  conn: Pick<Connection, 'db'>,
  table: ProjectionTable,
  ids: readonly string[],
): Promise<Map<string, string[]>> {
  const select = sql.join(table.columns.map((c) => sql`${sql.raw(c.read)} as ${sql.ref(c.name)}`));
  const where = table.entityColumn === null ? sql`true` : sql`${sql.ref(table.entityColumn)} = any(${ids})`;
  const result = await sql<Record<string, unknown>>`
    select ${select} from ${sql.table(table.name)} where ${where}`.execute(conn.db);
  const byEntity = new Map<string, string[]>();
  for (const row of result.rows) {
    const normalised: Record<string, string | null> = {};
    for (const column of table.columns) {
      const value = row[column.name];
      normalised[column.name] =
        value === null || value === undefined ? null : column.json ? canonicalJson(value) : String(value);
    }
    const id = table.entityColumn === null ? '' : String(row[table.entityColumn]);
    let list = byEntity.get(id);
    if (!list) byEntity.set(id, (list = []));
    list.push(canonicalJson(normalised));
  }
  return byEntity;
}

function describeDifference(table: string, id: string, want: string[], have: string[]): string {
  if (have.length !== want.length) {
    return `${table} holds ${have.length} row(s) for ${id}; a replay of the ledger gives ${want.length}`;
  }
  for (let i = 0; i < want.length; i += 1) {
    const a = JSON.parse(want[i] ?? '{}') as Record<string, unknown>;
    const b = JSON.parse(have[i] ?? '{}') as Record<string, unknown>;
    for (const column of Object.keys(a)) {
      if (canonicalJson(a[column]) !== canonicalJson(b[column])) {
        return `${table} ${id}: ${column} is ${JSON.stringify(b[column])}; a replay of the ledger gives ${JSON.stringify(a[column])}`;
      }
    }
  }
  return `${table} ${id} differs from a replay of the ledger`;
}
