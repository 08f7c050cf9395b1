import { afterAll, beforeAll, expect, it } from 'vitest';
import { submitCall } from '../../../src/services/calls/submit-call.js';
import { everything } from '../../../src/services/access.js';
import { createCliDatabase, type CliDatabase } from '../../helpers/cli-database.js';
import { runCli } from '../../helpers/run-cli.js';
import { describeEachEngine } from '../../helpers/test-database.js';
import { loadServerHistory } from '../server-history.js';

describeEachEngine('candor calls', (engine) => {
  let database: CliDatabase;
  const clock = () => new Date('2026-03-05T12:00:00Z');

  beforeAll(async () => {
    database = await createCliDatabase(engine);
    const handle = await database.open();
    await loadServerHistory(handle);
    // Ana's 2026-Q1 roll-up: Closed 250.50 (d3) + Commit 1,500.00 (d1); her call matches it.
    await submitCall(handle, {
      actor: 'u1',
      source: 'cli',
      now: new Date('2026-03-05T10:00:00Z'),
      period: '2026-Q1',
      commit: '1750.50',
      bestCase: '1750.50',
      forecastScope: everything,
    });
    await handle.close();
  });
  afterAll(async () => database.dispose());

  it('prints the top team’s calls beside the roll-up and who has not called', async () => {
    const run = await runCli(['calls', '--period', '2026-Q1', ...database.args], {
      databaseUrl: database.databaseUrl,
      clock,
    });
    expect(run.exitCode).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('Calls for 2026-Q1, Sales: week 10 due 2026-03-05T17:00:00.000Z; amounts in USD');
    expect(lines.find((l) => l.startsWith('Sales (Cleo Chen)'))?.split(/\s{2,}/)).toEqual([
      'Sales (Cleo Chen)',
      '—',
      '—',
      '250.50',
      '1500.00',
      '550.00',
      '0.00',
      // Closed + Commit now (250.50 + 1,500.00) less as of week 9's due time 02-26 17:00 (d1 at 1,200.00).
      '550.50',
    ]);
    expect(
      lines
        .find((l) => l.startsWith('  Ana Alvarez'))
        ?.trim()
        .split(/\s{2,}/)
        .slice(0, 5),
    ).toEqual(['Ana Alvarez', '1750.50', '1750.50', '250.50', '1500.00']);
    expect(run.stdout).toContain(
      'Not yet called for week 10 (2 of 3):\n  Ben Brooks (West)\n  Cleo Chen (Sales)\n',
    );
  });

  it('answers JSON with --json', async () => {
    const run = await runCli(['calls', '--period', '2026-Q1', '--json', ...database.args], {
      databaseUrl: database.databaseUrl,
      clock,
    });
    const body = run.json() as {
      grid: { rows: { name: string; call: { commit: string } | null }[] };
      missing: { missing: { userId: string }[] };
    };
    expect(body.grid.rows.map((r) => [r.name, r.call?.commit ?? null])).toEqual([
      ['Cleo Chen', null],
      ['Ana Alvarez', '1750.50'],
      ['Ben Brooks', null],
    ]);
    expect(body.missing.missing.map((m) => m.userId)).toEqual(['u2', 'u3']);
  });
});
