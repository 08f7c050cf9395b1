import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock.js';
import type { Database } from './database.js';
import { migrateToLatest } from './migrate.js';

export type Engine = 'pglite' | 'postgres';

export type DatabaseHandle = {
  db: Kysely<Database>;
  engine: Engine;
  /** The pool under Kysely, for COPY streams (both engines speak the COPY protocol through it). */
  pool: pg.Pool;
  /** The embedded engine itself (null on a server), for its bulk COPY path and dumps. */
  pglite: PGlite | null;
  close: () => Promise<void>;
};

export type OpenDatabaseOptions = {
  /** A PostgreSQL server; when absent, the embedded engine in `dataDir` is used. */
  url?: string | undefined;
  dataDir?: string;
  /** A dump (from `dumpDataDir`) to start the embedded engine from; tests use it. */
  loadDataDir?: Blob;
  migrate?: boolean;
};

/**
 * `date` columns stay `YYYY-MM-DD` strings: the driver's default turns them into Dates at local
 * midnight, which shifts the day in time zones west of UTC. int8 and numeric stay strings and are
 * parsed once, in src/store.
 */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === 1082
      ? (value: string) => value
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/** Opens the database (embedded PGlite by default, a server when `url` is given) and migrates it. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  const handle = options.url ? openServer(options.url) : await openEmbedded(options);
  if (options.migrate !== false) {
    try {
      await migrateToLatest(handle.db);
    } catch (error) {
      await handle.close();
      throw error;
    }
  }
  return handle;
}

function openServer(url: string): DatabaseHandle {
  // JIT compilation is for long analytical queries; here it costs more than it saves. The bridge's
  // version read spent 296 ms compiling and 660 ms executing at 100,000 deals.
  const pool = new pg.Pool({ connectionString: url, types, max: 10, options: '-c jit=off' });
  // An idle connection closed by the server (restart, failover, admin) is dropped by the pool and
  // replaced on the next query; without a listener the pool's 'error' event would end the process.
  pool.on('error', () => undefined);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, engine: 'postgres', pool, pglite: null, close: () => db.destroy() };
}

async function openEmbedded(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  const dataDir = options.dataDir ?? './data';
  const inMemory = dataDir.startsWith('memory://');
  const lock = inMemory ? null : lockDataDir(dataDir);
  try {
    const pglite = new PGlite({
      dataDir: inMemory ? dataDir : `${dataDir}/pgdata`,
      relaxedDurability: false,
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    });
    await pglite.waitReady;
    const pool = new pg.Pool({ ...createPgConfig(pglite), types });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    const close = async (): Promise<void> => {
      await db.destroy();
      await pglite.close();
      lock?.release();
    };
    return { db, engine: 'pglite', pool, pglite, close };
  } catch (error) {
    lock?.release();
    throw error;
  }
}
