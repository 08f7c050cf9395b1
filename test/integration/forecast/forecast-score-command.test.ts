import { afterAll, beforeAll, expect, it } from 'vitest';
import { appendEvents } from '../../../src/store/append-events.js';
import { withTransaction } from '../../../src/store/session.js';
import { createCliDatabase, type CliDatabase } from '../../helpers/cli-database.js';
import { runCli } from '../../helpers/run-cli.js';
import { describeEachEngine } from '../../helpers/test-database.js';
import { loadServerHistory } from '../server-history.js';
import { storedForecast } from './stored-forecasts.js';

describeEachEngine('candor forecast score', (engine) => {
  let database: CliDatabase;
  const clock = () => new Date('2026-05-01T12:00:00Z');

  beforeAll(async () => {
    database = await createCliDatabase(engine);
    const handle = await database.open();
    await loadServerHistory(handle);
    // One organisation-wide forecast of 2026-Q1 in week 10: 300.00 against the 250.50 that closed.
    const forecast = storedForecast({
      asOf: '2026-03-05T09:00:00.000Z',
      week: 10,
      expected: 30_000n,
      p10: 26_000n,
      p90: 40_000n,
    });
    await withTransaction(handle, (conn) =>
      appendEvents(conn, [forecast], { recordedTime: new Date('2026-03-05T09:00:00Z') }),
    );
    await handle.close();
  });
  afterAll(async () => database.dispose());

  const score = (args: string[]) =>
    runCli(['forecast', 'score', ...args, ...database.args], { databaseUrl: database.databaseUrl, clock });

  it('lists what it would store with --dry-run, stores it once, and says so when run again', async () => {
    const dry = await score(['--period', '2026-Q1', '--dry-run']);
    expect(dry.exitCode).toBe(0);
    expect(dry.stdout).toContain('Would store 1 forecast scores over 2026-Q1; 0 already stored');
    expect(dry.stdout).toMatch(
      /week 10 +all +expected +300\.00 +actual +250\.50 +accuracy 80\.2 % +outside P10–P90/,
    );

    const stored = await score(['--period', '2026-Q1', '--json']);
    expect(stored.stderr).toBe('');
    expect(stored.json()).toMatchObject({
      periods: ['2026-Q1'],
      scored: [{ scopeKey: 'all', week: 10, accuracy01: '0.802395', withinBand: false }],
      alreadyScored: 0,
    });
    const again = await score(['--period', '2026-Q1']);
    expect(again.stdout).toBe('Stored 0 forecast scores over 2026-Q1; 1 already stored\n');
  });

  it('refuses to run without a period, saying which option is missing', async () => {
    const run = await score([]);
    expect(run.exitCode).not.toBe(0);
    expect(run.stderr).toContain('--period');
  });
});
