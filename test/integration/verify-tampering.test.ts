import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { appendEvents } from '../../src/store/append-events.js';
import { withTransaction } from '../../src/db/connection.js';
import { createCliDatabase, type CliDatabase } from '../helpers/cli-database.js';
import { runCli } from '../helpers/run-cli.js';
import { dealChanged, dealCreated, orgEvent } from '../helpers/sample-events.js';
import { describeEachEngine } from '../helpers/test-database.js';

type VerifyJson = {
  ok: boolean;
  length: string;
  head: string;
  problems: { kind: string; seq?: string; message: string }[];
};

describeEachEngine('candor verify catches tampering', (engine) => {
  let database: CliDatabase;

  beforeEach(async () => {
    database = await createCliDatabase(engine);
    const handle = await database.open();
    await withTransaction(handle, (conn) =>
      appendEvents(
        conn,
        [
          orgEvent('2026-01-01T00:00:00Z', { name: 'Tamper test' }),
          dealCreated('d1', '2026-01-05T00:00:00Z'),
          dealChanged('d1', '2026-02-01T00:00:00Z', { amountMinor: 250_000n }),
          dealCreated('d2', '2026-02-03T00:00:00Z'),
          dealChanged('d2', '2026-02-04T00:00:00Z', {
            stage: 'Closed Won',
            isClosed: true,
            isWon: true,
            forecastCategory: 'Closed',
          }),
        ],
        { recordedTime: new Date('2026-03-01T00:00:00Z') },
      ),
    );
    await handle.close();
  });
  afterEach(async () => {
    await database.dispose();
  });

  /** Runs SQL as a superuser would, with the append-only trigger switched off for the session. */
  async function tamper(statement: string): Promise<void> {
    const handle = await database.open();
    try {
      await withTransaction(handle, async (conn) => {
        await sql`set local session_replication_role = replica`.execute(conn.db);
        await sql.raw(statement).execute(conn.db);
      });
    } finally {
      await handle.close();
    }
  }

  async function verify(): Promise<{ exitCode: number; report: VerifyJson }> {
    const run = await runCli(['verify', '--json', ...database.args], { databaseUrl: database.databaseUrl });
    return { exitCode: run.exitCode, report: run.json() as VerifyJson };
  }

  it('passes an untouched ledger, with its length and head', async () => {
    const { exitCode, report } = await verify();
    expect(exitCode).toBe(0);
    expect(report.ok).toBe(true);
    expect(report.length).toBe('5');
    expect(report.head).toMatch(/^[0-9a-f]{64}$/);
  });

  it('names an event whose payload was changed', async () => {
    await tamper(`update events set payload = jsonb_set(payload, '{amountMinor}', '"999"') where seq = 3`);
    const { exitCode, report } = await verify();
    expect(exitCode).toBe(1);
    expect(report.problems).toContainEqual(expect.objectContaining({ kind: 'hash-mismatch', seq: '3' }));
  });

  it('names the gap where an event was deleted', async () => {
    await tamper('delete from events where seq = 2');
    const { exitCode, report } = await verify();
    expect(exitCode).toBe(1);
    expect(report.problems).toContainEqual(expect.objectContaining({ kind: 'sequence-gap', seq: '3' }));
    expect(report.problems).toContainEqual(expect.objectContaining({ kind: 'broken-link', seq: '3' }));
  });

  it('detects two events swapped in order', async () => {
    await tamper(
      'update events set seq = -1 where seq = 4; update events set seq = 4 where seq = 5; update events set seq = 5 where seq = -1',
    );
    const { exitCode, report } = await verify();
    expect(exitCode).toBe(1);
    expect(report.problems).toContainEqual(expect.objectContaining({ kind: 'broken-link', seq: '4' }));
  });

  it('detects the last event removed, through the recorded head', async () => {
    await tamper('delete from events where seq = 5');
    const { exitCode, report } = await verify();
    expect(exitCode).toBe(1);
    expect(report.problems.map((p) => p.kind)).toContain('head-mismatch');
  });

  it('names a derived table that no longer equals a replay, and rebuild repairs it', async () => {
    await tamper(`update opportunities set stage = 'Closed Lost' where id = 'd1'`);
    const first = await verify();
    expect(first.exitCode).toBe(1);
    expect(first.report.problems).toContainEqual(
      expect.objectContaining({
        kind: 'projection-mismatch',
        message: expect.stringContaining('stage is "Closed Lost"'),
      }),
    );
    const rebuild = await runCli(['rebuild', ...database.args], { databaseUrl: database.databaseUrl });
    expect(rebuild.exitCode).toBe(0);
    expect((await verify()).report.ok).toBe(true);
  });

  it('prints a readable failure without --json', async () => {
    await tamper(`update events set actor = 'someone else' where seq = 2`);
    const run = await runCli(['verify', ...database.args], { databaseUrl: database.databaseUrl });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(/LEDGER VERIFICATION FAILED/);
    expect(run.stdout).toMatch(/event 2 \(opportunity\.created on opportunity d1\) does not match its hash/);
  });
});
