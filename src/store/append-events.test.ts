import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { everything } from '../core/access-scope.js';
import { withConnection, withTransaction } from '../db/connection.js';
import { describeEachEngine, openTestDatabase, type TestDatabase } from '../../test/helpers/test-database.js';
import { dealChanged, dealCreated, orgEvent } from '../../test/helpers/sample-events.js';
import { appendEvents } from './append-events.js';
import { summarizePipeline } from './pipeline-queries.js';
import { verifyChain, verifyProjections } from './verify-ledger.js';
import { rebuildProjections } from './refresh-projections.js';

describeEachEngine('ledger append and projections', (engine) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await openTestDatabase(engine);
  });
  afterEach(async () => {
    await database.close();
  });

  const history = [
    orgEvent('2026-01-01T00:00:00Z', { name: 'Test org' }),
    dealCreated('d1', '2026-01-05T10:00:00Z', { amountMinor: 100_000n }),
    dealChanged('d1', '2026-02-01T10:00:00Z', { stage: 'Negotiation/Review', forecastCategory: 'Commit' }),
    dealChanged('d1', '2026-03-10T10:00:00Z', { amountMinor: 150_000n }),
    dealCreated('d2', '2026-02-15T09:00:00Z', { amountMinor: 40_000n, closeDate: '2026-02-28' }),
  ];

  async function append(): Promise<void> {
    await withTransaction(database, (conn) =>
      appendEvents(conn, history, { recordedTime: new Date('2026-03-20T00:00:00Z') }),
    );
  }

  it('chains every event to the one before and verifies clean', async () => {
    await append();
    const result = await withConnection(database, (conn) => verifyChain(conn));
    expect(result.problems).toEqual([]);
    expect(result.length).toBe(5n);
    expect(await withConnection(database, (conn) => verifyProjections(conn))).toEqual([]);
  });

  it('projects the same whether an entity falls in one chunk or spans several', async () => {
    await withTransaction(database, (conn) =>
      appendEvents(conn, history, { recordedTime: new Date('2026-03-20T00:00:00Z'), eventsPerChunk: 2 }),
    );
    await withTransaction(database, (conn) =>
      appendEvents(conn, [dealChanged('d2', '2026-03-01T00:00:00Z', { stage: 'Qualification' })], {
        recordedTime: new Date('2026-03-21T00:00:00Z'),
      }),
    );
    expect(await withConnection(database, (conn) => verifyProjections(conn))).toEqual([]);
    const d1 = await database.db
      .selectFrom('opportunity_versions')
      .select('amount_minor')
      .where('id', '=', 'd1')
      .orderBy('valid_from')
      .execute();
    expect(d1.map((v) => v.amount_minor)).toEqual(['100000', '100000', '150000']);
  });

  it('answers the pipeline as it stood at any past instant', async () => {
    await append();
    const query = {
      closeFrom: '2026-01-01',
      closeTo: '2026-04-01',
      scope: everything,
      corporateCurrency: 'USD',
    };
    const at = (asOf: string | null) =>
      withConnection(database, (conn) =>
        summarizePipeline(conn, { ...query, asOf: asOf ? new Date(asOf) : null }),
      );
    expect(await at('2026-01-20T00:00:00Z')).toEqual([
      { category: 'Pipeline', deals: 1, amountMinor: 100_000n, unconverted: 0 },
    ]);
    const feb = await at('2026-02-20T00:00:00Z');
    expect(feb.sort((a, b) => a.category.localeCompare(b.category))).toEqual([
      { category: 'Commit', deals: 1, amountMinor: 100_000n, unconverted: 0 },
      { category: 'Pipeline', deals: 1, amountMinor: 40_000n, unconverted: 0 },
    ]);
    const now = await at(null);
    expect(now.find((t) => t.category === 'Commit')?.amountMinor).toBe(150_000n);
  });

  it('refuses to update, delete or truncate ledger events', async () => {
    await append();
    await expect(sql`update events set actor = 'x'`.execute(database.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from events`.execute(database.db)).rejects.toThrow(/append-only/);
    await expect(sql`truncate events`.execute(database.db)).rejects.toThrow(/append-only/);
  });

  it('rolls back events and projections together when the transaction fails', async () => {
    await expect(
      withTransaction(database, async (conn) => {
        await appendEvents(conn, history, { recordedTime: new Date() });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const counts = await sql<{ events: string; deals: string }>`
      select (select count(*) from events) as events, (select count(*) from opportunities) as deals`.execute(
      database.db,
    );
    expect(counts.rows[0]).toEqual({ events: '0', deals: '0' });
  });

  it('places a backdated change at its business time in the versions', async () => {
    await append();
    await withTransaction(database, (conn) =>
      appendEvents(conn, [dealChanged('d2', '2026-02-16T00:00:00Z', { amountMinor: 45_000n })], {
        recordedTime: new Date('2026-03-21T00:00:00Z'),
      }),
    );
    const versions = await database.db
      .selectFrom('opportunity_versions')
      .select(['amount_minor', 'valid_from'])
      .where('id', '=', 'd2')
      .orderBy('valid_from')
      .execute();
    expect(versions.map((v) => v.amount_minor)).toEqual(['40000', '45000']);
  });

  it('finds a projection edited behind the ledger and repairs it by rebuilding', async () => {
    await append();
    await sql`update opportunities set amount_minor = 1 where id = 'd1'`.execute(database.db);
    const problems = await withConnection(database, (conn) => verifyProjections(conn));
    expect(problems.map((p) => p.where)).toEqual(['opportunities d1']);
    expect(problems[0]?.message).toMatch(/amount_minor is "1"; a replay of the ledger gives "150000"/);
    await withTransaction(database, (conn) => rebuildProjections(conn));
    expect(await withConnection(database, (conn) => verifyProjections(conn))).toEqual([]);
  });
});
