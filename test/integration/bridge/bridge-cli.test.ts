import { afterAll, beforeAll, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDemoOrganisation } from '../../../src/services/create-demo-organisation.js';
import { readLedgerHead } from '../../../src/store/org-queries.js';
import { withConnection } from '../../../src/db/connection.js';
import { createCliDatabase, type CliDatabase } from '../../helpers/cli-database.js';
import { runCli } from '../../helpers/run-cli.js';
import { describeEachEngine } from '../../helpers/test-database.js';
import { openOf, toMinor, type BridgeJson, type PipelineJson } from './bridge-sums.js';

const now = new Date('2026-05-14T12:00:00.000Z');
const from = '2026-01-01T00:00:00Z';
const to = '2026-04-01T00:00:00Z';

describeEachEngine('candor bridge and candor boardpack on the demo organisation', (engine) => {
  let database: CliDatabase;
  let folder: string;
  const cli = (args: string[]) =>
    runCli([...args, ...database.args], { databaseUrl: database.databaseUrl, clock: () => now });

  beforeAll(async () => {
    database = await createCliDatabase(engine);
    folder = mkdtempSync(join(tmpdir(), 'candor-pack-'));
    const handle = await database.open();
    await createDemoOrganisation(handle, { now });
    await handle.close();
  }, 600_000);
  afterAll(async () => {
    await database.dispose();
    rmSync(folder, { recursive: true, force: true });
  });

  it('prints the JSON of the issue, and it adds up to the cent', async () => {
    const run = await cli(['bridge', '--period', '2026-Q1', '--from', from, '--to', to, '--json']);
    expect(run.exitCode).toBe(0);
    const bridge = run.json() as BridgeJson;
    expect(Object.keys(bridge)).toEqual([
      'period',
      'from',
      'to',
      'currency',
      'start',
      'won',
      'open',
      'end',
      'steps',
    ]);
    expect([bridge.period, bridge.from, bridge.to, bridge.currency]).toEqual([
      '2026-Q1',
      '2026-01-01T00:00:00.000Z',
      '2026-04-01T00:00:00.000Z',
      'USD',
    ]);
    const walked = bridge.steps.reduce((sum, s) => sum + toMinor(s.amount), toMinor(bridge.start));
    expect(walked).toBe(toMinor(bridge.end));
    expect(toMinor(bridge.won) + toMinor(bridge.open)).toBe(toMinor(bridge.end));
    // Busy demo quarter: every kind that moves value happened at least once.
    const moved = bridge.steps.filter((s) => s.deals.length > 0).map((s) => s.kind);
    expect(moved).toEqual(expect.arrayContaining(['created', 'lost', 'slipped', 'category', 'won']));
  });

  it('starts at the as-of pipeline at `from` and ends at the as-of pipeline at `to`', async () => {
    const bridge = (
      await cli(['bridge', '--period', '2026-Q1', '--from', from, '--to', to, '--json'])
    ).json() as BridgeJson;
    const atFrom = (
      await cli(['pipeline', '--period', '2026-Q1', '--as-of', from, '--json'])
    ).json() as PipelineJson;
    const atTo = (
      await cli(['pipeline', '--period', '2026-Q1', '--as-of', to, '--json'])
    ).json() as PipelineJson;
    expect(toMinor(bridge.start)).toBe(openOf(atFrom));
    expect(toMinor(bridge.open)).toBe(openOf(atTo));
    const closed = (p: PipelineJson) => toMinor(p.categories.Closed?.amount ?? '0');
    expect(toMinor(bridge.won)).toBe(closed(atTo) - closed(atFrom));
  });

  it('groups by team with groups that add up to the whole', async () => {
    const bridge = (
      await cli(['bridge', '--period', '2026-Q1', '--from', from, '--to', to, '--group', 'team', '--json'])
    ).json() as BridgeJson;
    const groups = bridge.groups ?? [];
    expect(groups.length).toBeGreaterThan(1);
    expect(groups.reduce((s, g) => s + toMinor(g.start), 0n)).toBe(toMinor(bridge.start));
    expect(groups.reduce((s, g) => s + toMinor(g.end), 0n)).toBe(toMinor(bridge.end));
  });

  it('refuses an unknown grouping with the flag named', async () => {
    const run = await cli(['bridge', '--period', '2026-Q1', '--group', 'region']);
    expect(run.exitCode).not.toBe(0);
    expect(run.stderr).toContain("--group 'region' is not a grouping");
  });

  it('writes a self-contained HTML pack carrying the chain head, and a PDF when Chromium is here', async () => {
    const html = join(folder, `pack-${engine}.html`);
    const pdf = join(folder, `pack-${engine}.pdf`);
    const chromium = existsSync('/usr/bin/chromium');
    const run = await cli([
      'boardpack',
      '--period',
      '2026-Q1',
      '--html',
      html,
      ...(chromium ? ['--out', pdf] : []),
    ]);
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    const handle = await database.open();
    const head = await withConnection(handle, (conn) => readLedgerHead(conn));
    await handle.close();
    const text = readFileSync(html, 'utf8');
    expect(text).toContain(`data-chain-head="${head.head}"`);
    expect(text).toContain(`data-chain-length="${head.length}"`);
    expect(text).toContain('Why the number moved: the bridge');
    expect(text).toContain('<svg');
    expect(text).not.toMatch(/<script|<link|(src|href)=["']?https?:/i);
    if (chromium) expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    else console.warn('skipped the PDF check: /usr/bin/chromium is not installed');
  }, 120_000);
});
