import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/db/open-database.js';

/**
 * Migrates once per run, then every test file starts from that state: PGlite from a dump of a
 * migrated data folder (~0.5 s instead of 2–5 s), the server from a migrated template database.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const folder = mkdtempSync(join(tmpdir(), 'candor-test-'));
  const handle = await openDatabase({ dataDir: 'memory://' });
  const dump = await handle.pglite!.dumpDataDir('none');
  await handle.close();
  const dumpPath = join(folder, 'migrated.tar');
  writeFileSync(dumpPath, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteDumpPath', dumpPath);

  const serverUrl = process.env.TEST_DATABASE_URL ?? '';
  const template = `candor_template_${process.pid}`;
  if (serverUrl) {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${template}`);
    await admin.query(`create database ${template}`);
    await admin.end();
    const server = await openDatabase({ url: withDatabase(serverUrl, template) });
    await server.close();
  }
  project.provide('serverTemplate', serverUrl ? template : '');

  return async () => {
    rmSync(folder, { recursive: true, force: true });
    if (serverUrl) {
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      await admin.query(`drop database if exists ${template}`);
      await admin.end();
    }
  };
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteDumpPath: string;
    serverTemplate: string;
  }
}
