import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { describe, inject } from 'vitest';
import { openDatabase, type DatabaseHandle, type Engine } from '../../src/db/open-database.js';
import { withDatabase } from './global-setup.js';

export type TestDatabase = DatabaseHandle & { url: string | null };

/** The engines this run tests on: PGlite always, the server when TEST_DATABASE_URL is set. */
export function testEngines(): Engine[] {
  return inject('serverTemplate') ? ['pglite', 'postgres'] : ['pglite'];
}

/** Runs a suite once per engine, named after it. */
export function describeEachEngine(name: string, suite: (engine: Engine) => void): void {
  for (const engine of testEngines()) describe(`${name} [${engine}]`, () => suite(engine));
}

/**
 * A fresh, migrated, empty database on the given engine: PGlite in memory from the run's dump, or
 * a new database cloned from the run's template on the server (dropped again on close).
 */
export async function openTestDatabase(engine: Engine): Promise<TestDatabase> {
  if (engine === 'pglite') {
    const dump = new Blob([readFileSync(inject('pgliteDumpPath'))]);
    const handle = await openDatabase({ dataDir: 'memory://', loadDataDir: dump, migrate: false });
    return { ...handle, url: null };
  }
  const serverUrl = process.env.TEST_DATABASE_URL ?? '';
  const name = `candor_t_${randomBytes(6).toString('hex')}`;
  await adminQuery(serverUrl, `create database ${name} template ${inject('serverTemplate')}`);
  const url = withDatabase(serverUrl, name);
  const handle = await openDatabase({ url, migrate: false });
  return {
    ...handle,
    url,
    close: async () => {
      await handle.close();
      await adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
    },
  };
}

async function adminQuery(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
