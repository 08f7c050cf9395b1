import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { withTransaction } from '../../src/db/connection.js';
import { appendEvents } from '../../src/store/append-events.js';
import { createCliDatabase, type CliDatabase } from '../helpers/cli-database.js';
import { orgEvent } from '../helpers/sample-events.js';
import { spawnCandor } from '../helpers/spawn-cli.js';
import { testEngines } from '../helpers/test-database.js';

type Started = { child: ChildProcess; url: string; stdout: () => string; stderr: () => string };

/** Spawns `candor start --port 0 …` and resolves once it prints the URL it listens on. */
function startCandor(args: string[], env: Record<string, string> = {}, waitMs = 90_000): Promise<Started> {
  const child = spawnCandor(['start', '--port', '0', ...args], env);
  let stdout = '';
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no URL printed within ${waitMs} ms\nstdout: ${stdout}\nstderr: ${stderr}`));
    }, waitMs);
    const exitedEarly = (code: number | null): void => {
      clearTimeout(timer);
      reject(
        new Error(`candor start exited with ${code} before listening\nstdout: ${stdout}\nstderr: ${stderr}`),
      );
    };
    child.on('exit', exitedEarly);
    let listening = false;
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /Candor is listening on (http:\/\/\S+)/.exec(stdout);
      // Once only: later output (request logs) must not touch listeners the test adds meanwhile.
      if (match?.[1] && !listening) {
        listening = true;
        clearTimeout(timer);
        child.off('exit', exitedEarly);
        resolve({ child, url: match[1], stdout: () => stdout, stderr: () => stderr });
      }
    });
  });
}

function stop(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolve({ code: child.exitCode, signal: child.signalCode });
      return;
    }
    child.on('exit', (code, signal) => resolve({ code, signal }));
    child.kill('SIGTERM');
  });
}

async function health(url: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(new URL('api/health', url));
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('candor start', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  async function databaseWithOrganisation(engine: 'pglite' | 'postgres'): Promise<CliDatabase> {
    const database = await createCliDatabase(engine);
    cleanups.push(() => database.dispose());
    const handle = await database.open();
    await withTransaction(handle, (conn) =>
      appendEvents(conn, [orgEvent('2026-01-01T00:00:00Z', { name: 'Started org' })], {
        recordedTime: new Date('2026-01-01T00:00:00Z'),
      }),
    );
    await handle.close();
    return database;
  }

  it('serves an embedded database, then stops on SIGTERM with exit 0 and releases the folder', async () => {
    const database = await databaseWithOrganisation('pglite');
    const dataDir = database.args[1] ?? '';
    const started = await startCandor(database.args);
    cleanups.push(async () => void started.child.kill('SIGKILL'));
    expect(existsSync(join(dataDir, 'candor.lock'))).toBe(true);
    const { status, body } = await health(started.url);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      status: 'ok',
      database: { reachable: true, engine: 'pglite' },
      ledger: { length: '1' },
      organisation: { name: 'Started org', isDemo: false },
    });
    expect(started.stdout()).not.toContain('DEMO DATA');
    const exit = await stop(started.child);
    expect(exit).toEqual({ code: 0, signal: null });
    expect(started.stderr()).toContain('candor: SIGTERM received, stopping');
    expect(existsSync(join(dataDir, 'candor.lock'))).toBe(false);
  }, 120_000);

  it('creates the clearly labelled demo organisation on the first start of an empty embedded folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'candor-start-'));
    cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
    const started = await startCandor(['--data-dir', dir], {}, 110_000);
    cleanups.push(async () => void started.child.kill('SIGKILL'));
    expect(started.stdout()).toContain('DEMO DATA: this database was empty, so Candor created a');
    expect(started.stdout()).toContain('None of its figures are real.');
    const { body } = await health(started.url);
    expect(body.organisation).toMatchObject({ isDemo: true });
    expect(Number((body.ledger as { length: string }).length)).toBeGreaterThan(1000);
    expect(await stop(started.child)).toEqual({ code: 0, signal: null });
    expect(existsSync(join(dir, 'candor.lock'))).toBe(false);
  }, 180_000);

  it.skipIf(!testEngines().includes('postgres'))(
    'never puts demo data on a PostgreSQL server, and says the database is empty',
    async () => {
      const database = await createCliDatabase('postgres');
      cleanups.push(() => database.dispose());
      const started = await startCandor([], { DATABASE_URL: database.databaseUrl ?? '' });
      cleanups.push(async () => void started.child.kill('SIGKILL'));
      expect(started.stdout()).toContain('holds no organisation yet');
      expect(started.stdout()).not.toContain('DEMO DATA');
      const { body } = await health(started.url);
      expect(body).toMatchObject({
        database: { engine: 'postgres' },
        ledger: { length: '0' },
        organisation: null,
      });
      expect(await stop(started.child)).toEqual({ code: 0, signal: null });
    },
    120_000,
  );

  it('refuses a port that is not a number', async () => {
    const database = await databaseWithOrganisation('pglite');
    const child = spawnCandor(['start', '--port', 'eighty', ...database.args]);
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    expect(code).toBe(2);
    expect(stderr).toContain("--port 'eighty' is not a port");
  });
});
