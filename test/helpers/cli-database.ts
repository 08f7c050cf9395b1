import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { inject } from 'vitest';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Engine } from '../../src/db/open-database.js';
import { openTestDatabase, type TestDatabase } from './test-database.js';
import { openDatabase } from '../../src/db/open-database.js';

/**
 * A database that the CLI can open by itself: an embedded data folder on disk, or a fresh server
 * database (by URL). `open` gives a handle for setting up data; close it before running the CLI
 * on the embedded engine, which allows one process per folder.
 */
export type CliDatabase = {
  /** Arguments that point the CLI at this database. */
  args: string[];
  databaseUrl: string | null;
  open: () => Promise<TestDatabase>;
  dispose: () => Promise<void>;
};

export async function createCliDatabase(engine: Engine): Promise<CliDatabase> {
  if (engine === 'postgres') {
    const server = await openTestDatabase('postgres');
    return {
      args: [],
      databaseUrl: server.url,
      open: async () => ({
        ...(await openDatabase({ url: server.url ?? '', migrate: false })),
        url: server.url,
      }),
      dispose: () => server.close(),
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'candor-cli-'));
  // Start the folder from the run's migrated dump: much faster than initdb and migrations.
  const seeded = await openDatabase({
    dataDir: dir,
    loadDataDir: new Blob([readFileSync(inject('pgliteDumpPath'))]),
    migrate: false,
  });
  await seeded.close();
  return {
    args: ['--data-dir', dir],
    databaseUrl: null,
    open: async () => ({ ...(await openDatabase({ dataDir: dir })), url: null }),
    dispose: async () => rmSync(dir, { recursive: true, force: true }),
  };
}
