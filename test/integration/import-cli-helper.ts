import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/cli-context.js';
import { loadConfig, type Config } from '../../src/config.js';
import { openDatabase, type DatabaseHandle, type Engine } from '../../src/db/open-database.js';
import { openTestDatabase, type TestDatabase } from '../helpers/test-database.js';

/** Drives the `candor` CLI in tests of imports, on the embedded engine or on the test server. */
export const repoRoot = resolve(fileURLToPath(import.meta.url), '../../..');
export const fixtures = join(repoRoot, 'test/fixtures/import');
export const sharedData = resolve(repoRoot, '../shared/data');

/**
 * `describe`, skipped with a note when the shared CRM files are not beside the checkout. The suite's
 * body is not even collected then (a skipped describe still runs its body, and a suite may read the
 * files while it is collected): one skipped test stands in for it, named for what is missing.
 */
export function describeWithSharedData(folder: string, name: string, suite: () => void): void {
  const where = join(sharedData, folder);
  if (existsSync(where)) {
    describe(name, suite);
    return;
  }
  console.warn(`skipped "${name}": ${where} is missing (it sits beside the checkout in CI)`);
  describe(name, () => {
    it.skip(`needs ${where}, which is missing`, () => undefined);
  });
}

export type CliResult = { exitCode: number; stdout: string; stderr: string; json: <T>() => T };

export type CliSession = {
  folder: string;
  run: (args: string[], now?: Date) => Promise<CliResult>;
  /** Runs work on the session's database (opened after the CLI closed it). */
  withDb: <T>(work: (handle: DatabaseHandle) => Promise<T>) => Promise<T>;
  close: () => Promise<void>;
};

export async function openCliSession(engine: Engine): Promise<CliSession> {
  const folder = mkdtempSync(join(tmpdir(), 'candor-import-'));
  let server: TestDatabase | null = null;
  let config: Config;
  let dataArgs: string[];
  if (engine === 'postgres') {
    server = await openTestDatabase(engine);
    config = loadConfig({ DATABASE_URL: server.url ?? '' });
    dataArgs = [];
  } else {
    config = loadConfig({});
    dataArgs = ['--data-dir', join(folder, 'data')];
  }
  return {
    folder,
    run: async (args, now = new Date('2026-01-15T12:00:00.000Z')) => {
      let stdout = '';
      let stderr = '';
      const io: CliIo = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), isTTY: false };
      const exitCode = await main([...args, ...dataArgs], { io, config, clock: () => now });
      return { exitCode, stdout, stderr, json: <T>() => JSON.parse(stdout) as T };
    },
    withDb: async (work) => {
      if (server) return work(server);
      const handle = await openDatabase({ dataDir: join(folder, 'data') });
      try {
        return await work(handle);
      } finally {
        await handle.close();
      }
    },
    close: async () => {
      await server?.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** The Maven CRM export beside the checkout, and the mappings the docs ship for it. */
export const mavenData = join(sharedData, 'maven-crm');
export const mavenMappings = join(repoRoot, 'docs/examples/maven-crm');
const mavenSteps: [entity: string, file: string, mapping: string][] = [
  ['teams', 'sales_teams.csv', 'teams.json'],
  ['users', 'sales_teams.csv', 'managers.json'],
  ['users', 'sales_teams.csv', 'agents.json'],
  ['accounts', 'accounts.csv', 'accounts.json'],
  ['opportunities', 'sales_pipeline.csv', 'opportunities.json'],
];

/**
 * Imports the Maven CRM export file by file with the shipped mappings, as docs/imports.md says,
 * and returns each step's result (with `--json`, so each one's summary can be read).
 */
export async function importMavenExport(cli: CliSession): Promise<CliResult[]> {
  const results: CliResult[] = [];
  for (const [entity, file, mapping] of mavenSteps) {
    results.push(
      await cli.run([
        'import',
        'csv',
        entity,
        join(mavenData, file),
        '--mapping',
        join(mavenMappings, mapping),
        '--json',
      ]),
    );
  }
  return results;
}
