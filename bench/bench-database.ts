import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase, type DatabaseHandle, type Engine } from '../src/db/open-database.js';

/** The engines a benchmark runs on: PGlite always; the server when BENCH_DATABASE_URL (or TEST_DATABASE_URL) is set. */
export function benchEngines(): Engine[] {
  const only = process.env.BENCH_ENGINE;
  const engines: Engine[] = serverUrl() ? ['pglite', 'postgres'] : ['pglite'];
  return only ? engines.filter((e) => e === only) : engines;
}

function serverUrl(): string {
  return process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? '';
}

/** A fresh, empty, migrated database for one benchmark; dispose removes it. */
export async function openBenchDatabase(
  engine: Engine,
): Promise<DatabaseHandle & { dispose: () => Promise<void> }> {
  if (engine === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'candor-bench-'));
    const handle = await openDatabase({ dataDir: dir });
    return {
      ...handle,
      dispose: async () => {
        await handle.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const name = `candor_bench_${process.pid}_${Date.now()}`;
  await admin(`create database ${name}`);
  const url = new URL(serverUrl());
  url.pathname = `/${name}`;
  const handle = await openDatabase({ url: url.toString() });
  return {
    ...handle,
    dispose: async () => {
      await handle.close();
      await admin(`drop database if exists ${name} with (force)`);
    },
  };
}

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl() });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** Median of timed runs, in milliseconds. */
export async function medianMs(runs: number, work: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}

export function report(name: string, figures: Record<string, string | number>): void {
  const parts = Object.entries(figures).map(([key, value]) => `${key}=${value}`);
  console.log(`${name}: ${parts.join('  ')}`);
}
