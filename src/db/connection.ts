import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Kysely, PostgresDialect, sql, type PostgresPool, type RawBuilder } from 'kysely';
import pg from 'pg';
import copyStreams from 'pg-copy-streams';
import type { Database } from './database.js';
import type { DatabaseHandle } from './open-database.js';

/**
 * One database session: a Kysely bound to a single connection plus COPY on that same connection,
 * so that bulk loads and ordinary statements share one transaction. The server streams COPY FROM
 * STDIN; PGlite cannot (its node-postgres bridge dies on it), so there rows are gathered into
 * blobs of `blobRows` and loaded with `COPY … FROM '/dev/blob'`, PGlite's own bulk path.
 */
export type Connection = {
  db: Kysely<Database>;
  /** Loads rows already encoded by `encodeCopyRow`; returns how many were loaded. */
  copyFrom: (
    table: string,
    columns: readonly string[],
    lines: Iterable<string> | AsyncIterable<string>,
  ) => Promise<number>;
  /**
   * Runs a statement and hands each row to `onRow` as the driver parses it, without gathering
   * them; returns how many there were. For reads of a whole pipeline whose rows are turned into
   * something smaller at once: gathered, 100,000 rows of thirty text fields all outlive the
   * collector's young generation, and copying them cost more than the query (hygiene facts: about
   * half of 2.5 s). An error thrown by `onRow` ends the read with that error once the statement
   * has finished.
   */
  eachRow: <Row>(statement: RawBuilder<Row>, onRow: (row: Row) => void) => Promise<number>;
};

const blobRows = 100_000;

export async function withConnection<T>(
  handle: DatabaseHandle,
  work: (conn: Connection) => Promise<T>,
): Promise<T> {
  const client = await handle.pool.connect();
  const singleClientPool: PostgresPool = {
    connect: async () => ({ query: client.query.bind(client) as never, release: () => undefined }),
    end: async () => undefined,
  };
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: singleClientPool }) });
  const copyFrom: Connection['copyFrom'] =
    handle.engine === 'postgres' ? copyFromStdin(client) : copyFromBlob(handle);
  try {
    return await work({ db, copyFrom, eachRow: eachRowOn(client, db) });
  } finally {
    await db.destroy();
    client.release();
  }
}

/** Runs `work` in one transaction on one connection: all of it commits, or none of it. */
export async function withTransaction<T>(
  handle: DatabaseHandle,
  work: (conn: Connection) => Promise<T>,
): Promise<T> {
  return withConnection(handle, async (conn) => {
    await sql`begin`.execute(conn.db);
    try {
      const result = await work(conn);
      await sql`commit`.execute(conn.db);
      return result;
    } catch (error) {
      await sql`rollback`.execute(conn.db).catch(() => undefined);
      throw error;
    }
  });
}

function eachRowOn(client: pg.PoolClient, db: Kysely<Database>): Connection['eachRow'] {
  return (statement, onRow) =>
    new Promise((resolve, reject) => {
      const compiled = statement.compile(db);
      // A Query with a 'row' listener and no callback does not keep its rows (pg's query.js).
      const query = new pg.Query(compiled.sql, [...compiled.parameters]);
      let count = 0;
      let failure: unknown = null;
      query.on('row', (row: Parameters<typeof onRow>[0]) => {
        if (failure !== null) return;
        try {
          onRow(row);
          count += 1;
        } catch (error) {
          failure = error ?? new Error('onRow threw a nullish value');
        }
      });
      query.on('error', reject);
      query.on('end', () => (failure === null ? resolve(count) : reject(failure)));
      void client.query(query);
    });
}

function copyStatement(table: string, columns: readonly string[], from: string): string {
  return `copy ${table} (${columns.join(', ')}) from ${from}`;
}

function copyFromStdin(client: pg.PoolClient): Connection['copyFrom'] {
  return async (table, columns, lines) => {
    let count = 0;
    // Many rows per chunk: one socket write per row costs more than the database's own work.
    const counted = (async function* () {
      let buffer: string[] = [];
      for await (const line of lines) {
        count += 1;
        buffer.push(line);
        if (buffer.length >= 2_000) {
          yield buffer.join('');
          buffer = [];
        }
      }
      if (buffer.length > 0) yield buffer.join('');
    })();
    await pipeline(
      Readable.from(counted),
      client.query(copyStreams.from(copyStatement(table, columns, 'stdin'))),
    );
    return count;
  };
}

function copyFromBlob(handle: DatabaseHandle): Connection['copyFrom'] {
  const pglite = handle.pglite;
  if (!pglite) throw new Error('copyFromBlob needs the embedded engine');
  return async (table, columns, lines) => {
    let count = 0;
    let batch: string[] = [];
    const flush = async (): Promise<void> => {
      if (batch.length === 0) return;
      await pglite.query(copyStatement(table, columns, `'/dev/blob'`), [], {
        blob: new Blob([batch.join('')]),
      });
      batch = [];
    };
    for await (const line of lines) {
      batch.push(line);
      count += 1;
      if (batch.length >= blobRows) await flush();
    }
    await flush();
    return count;
  };
}
