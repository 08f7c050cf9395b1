import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createCliDatabase, type CliDatabase } from '../helpers/cli-database.js';
import { runCli } from '../helpers/run-cli.js';
import { repoRoot, spawnCandor } from '../helpers/spawn-cli.js';
import { describeEachEngine } from '../helpers/test-database.js';

/**
 * SIGKILL in the middle of an import: the database must be exactly as it was before the import
 * (one transaction, nothing half-landed), and the embedded database must open again afterwards
 * (its lock taken over, its files consistent).
 */
// 360,000 history rows: the import is killed 6 s after it starts writing, and must still be
// running then (the test asserts it was killed, not finished). A quiet server imports about
// 20,000 rows a second, so even a much faster machine is still busy at 6 s.
const deals = 60_000;
const rowsPerDeal = 6;

function writeLargeExport(folder: string): void {
  const id = (i: number) => `006${String(i).padStart(15, '0')}`;
  const time = (j: number) => `2023-02-${String(j + 1).padStart(2, '0')} 09:00:00`;
  const opportunities = ['Id,Name,StageName,Amount,CloseDate,CreatedDate,LastModifiedDate'];
  const history = ['Id,OpportunityId,CreatedDate,StageName,Amount,CloseDate,Probability,ForecastCategory'];
  for (let i = 0; i < deals; i += 1) {
    opportunities.push(
      `${id(i)},Big ${i},Prospecting,${rowsPerDeal * 100},2023-06-30,${time(0)},${time(rowsPerDeal - 1)}`,
    );
    for (let j = 0; j < rowsPerDeal; j += 1) {
      history.push(
        `008${String(i * rowsPerDeal + j).padStart(15, '0')},${id(i)},${time(j)},Prospecting,${(j + 1) * 100},2023-06-30,10,Pipeline`,
      );
    }
  }
  writeFileSync(join(folder, 'Opportunity.csv'), `${opportunities.join('\n')}\n`);
  writeFileSync(join(folder, 'OpportunityHistory.csv'), `${history.join('\n')}\n`);
}

type Fingerprint = { events: string; head: string; deals: string; versions: string };

describeEachEngine('an import killed midway', (engine) => {
  let database: CliDatabase;
  let folder: string;

  beforeEach(async () => {
    database = await createCliDatabase(engine);
    folder = mkdtempSync(join(tmpdir(), 'candor-crash-'));
    writeLargeExport(folder);
    const baseline = await runCli(
      [
        'import',
        'salesforce',
        resolve(repoRoot, 'test/fixtures/import/salesforce-messy'),
        '--json',
        ...database.args,
      ],
      { databaseUrl: database.databaseUrl },
    );
    expect(baseline.exitCode, baseline.stderr).toBe(0);
  }, 240_000);
  afterEach(async () => {
    await database.dispose();
    rmSync(folder, { recursive: true, force: true });
  });

  async function fingerprint(): Promise<Fingerprint> {
    const handle = await database.open();
    try {
      const result = await sql<Fingerprint>`
        select (select count(*) from events)::text as events, (select hash from ledger_head) as head,
               (select count(*) from opportunities)::text as deals,
               (select count(*) from opportunity_versions)::text as versions`.execute(handle.db);
      return result.rows[0] as Fingerprint;
    } finally {
      await handle.close();
    }
  }

  /** On the server, waits until the importing process holds an open transaction. */
  async function waitForOpenTransaction(url: string): Promise<void> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      for (let i = 0; i < 600; i += 1) {
        const open = await client.query(
          `select count(*)::int as n from pg_stat_activity
           where datname = current_database() and pid <> pg_backend_pid() and xact_start is not null`,
        );
        if ((open.rows[0] as { n: number }).n > 0) return;
        await new Promise((done) => setTimeout(done, 100));
      }
      throw new Error('the import never opened a transaction');
    } finally {
      await client.end();
    }
  }

  it('leaves the database exactly as it was, and it opens and verifies afterwards', async () => {
    const before = await fingerprint();
    const child = spawnCandor(['import', 'salesforce', folder, ...database.args], {
      DATABASE_URL: database.databaseUrl ?? '',
    });
    const exited = new Promise<NodeJS.Signals | null>((done) =>
      child.on('exit', (_code, signal) => done(signal)),
    );
    if (database.databaseUrl) await waitForOpenTransaction(database.databaseUrl);
    // 360,000 history rows take far longer than this; the kill lands mid-import.
    await new Promise((done) => setTimeout(done, 6_000));
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    expect(await fingerprint()).toEqual(before);
    const verify = await runCli(['verify', '--json', ...database.args], {
      databaseUrl: database.databaseUrl,
    });
    expect(verify.exitCode, verify.stdout).toBe(0);
  }, 240_000);
});
