import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { generateDemoOrganisation } from '../../src/core/demo/generate-demo-organisation.js';
import type { CliIo } from '../../src/cli/cli-context.js';
import { loadConfig, type Config } from '../../src/config.js';
import { describeEachEngine, openTestDatabase, type TestDatabase } from '../helpers/test-database.js';

const now = new Date('2026-05-14T12:34:56.789Z');

type Output = { io: CliIo; stdout: () => string; stderr: () => string };

function capture(): Output {
  let stdout = '';
  let stderr = '';
  return {
    io: { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), isTTY: false },
    stdout: () => stdout,
    stderr: () => stderr,
  };
}

describeEachEngine('candor demo', (engine) => {
  let folder: string;
  let server: TestDatabase | null = null;
  let config: Config;
  let dataArgs: string[];
  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'candor-demo-'));
    if (engine === 'postgres') {
      server = await openTestDatabase(engine);
      config = loadConfig({ DATABASE_URL: server.url ?? '' });
      dataArgs = [];
    } else {
      config = loadConfig({});
      dataArgs = ['--data-dir', join(folder, 'data')];
    }
  });
  afterAll(async () => {
    await server?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  async function run(args: string[]): Promise<Output & { exitCode: number }> {
    const output = capture();
    const exitCode = await main([...args, ...dataArgs], { io: output.io, config, clock: () => now });
    return { ...output, exitCode };
  }

  it('creates the demo in an empty database, which then verifies and has a pipeline', async () => {
    const created = await run(['demo', '--json']);
    expect(created.stderr()).toBe('');
    expect(created.exitCode).toBe(0);
    const summary = JSON.parse(created.stdout()) as { created: boolean; events: number; seed: number };
    expect(summary).toMatchObject({ created: true, seed: 1 });
    expect(summary.events).toBeGreaterThan(15_000);

    const verified = await run(['verify', '--json']);
    expect(verified.exitCode).toBe(0);
    expect(JSON.parse(verified.stdout())).toMatchObject({ ok: true, length: String(summary.events) });

    const pipeline = await run(['pipeline', '--period', '2026-Q2', '--json']);
    const report = JSON.parse(pipeline.stdout()) as { categories: Record<string, { deals: number }> };
    expect(report.categories.Commit?.deals).toBeGreaterThan(0);
  }, 180_000);

  it('refuses the second time: the database already holds an organisation', async () => {
    const again = await run(['demo']);
    expect(again.exitCode).toBe(1);
    expect(again.stdout()).toBe('');
    expect(again.stderr()).toContain(
      'candor: the database already holds an organisation; `candor demo` only fills an empty database',
    );
  });
});

describe('candor demo --seed', () => {
  it('refuses a seed that is not a whole number, before opening any database', async () => {
    const output = capture();
    const folder = join(tmpdir(), `candor-demo-never-${process.pid}`);
    const exitCode = await main(['demo', '--seed', '12x', '--data-dir', folder], {
      io: output.io,
      config: loadConfig({}),
      clock: () => now,
    });
    expect(exitCode).toBe(2);
    expect(output.stderr()).toContain("candor: '12x' is not a demo seed");
    expect(output.stderr()).toContain('expected a whole number from 0 to 4294967295');
    expect(existsSync(folder)).toBe(false);
  });

  it('prints the people to look around as, and a different seed gives other people', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'candor-demo-seed-'));
    try {
      const output = capture();
      const exitCode = await main(['demo', '--seed', '2', '--data-dir', join(folder, 'data')], {
        io: output.io,
        config: loadConfig({}),
        clock: () => now,
      });
      expect(exitCode).toBe(0);
      const lines = output.stdout().split('\n');
      expect(lines[0]).toMatch(
        /^created the demo organisation \(fictional sample data, seed 2\): \d+ events in /,
      );
      expect(lines.slice(2, 6).map((l) => l.trim().split(/\s+/)[0])).toEqual([
        'admin',
        'executive',
        'manager',
        'rep',
      ]);
      expect(lines.slice(2, 6).every((l) => l.endsWith('@demo.candor.invalid'))).toBe(true);
      const seedOne = generateDemoOrganisation({ seed: 1, now }).signIns.map((p) => p.email);
      expect(lines.slice(2, 6).some((l) => seedOne.some((email) => l.endsWith(email)))).toBe(false);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }, 180_000);
});
