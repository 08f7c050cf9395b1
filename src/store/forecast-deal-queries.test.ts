import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine, openTestDatabase, type TestDatabase } from '../../test/helpers/test-database.js';
import { loadServerHistory } from '../../test/integration/server-history.js';
import { listDealTimelines, listPeriodDeals, type PeriodDealsQuery } from './forecast-deal-queries.js';

describeEachEngine('forecast reads as of a moment', (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
    await loadServerHistory(database);
  });
  afterAll(async () => {
    await database.close();
  });

  const q1 = (asOf: string, change: Partial<PeriodDealsQuery> = {}) =>
    listPeriodDeals(database, {
      closeFrom: '2026-01-01',
      closeTo: '2026-04-01',
      asOf: new Date(asOf),
      scope: { kind: 'everything' },
      ownerIds: null,
      corporateCurrency: 'USD',
      ...change,
    });
  const byId = <T extends { id: string }>(rows: T[]) => rows.sort((a, b) => a.id.localeCompare(b.id));

  it('reads the open and won deals of the period as they stood, with their evidence', async () => {
    const deals = byId(await q1('2026-03-12T00:00:00Z'));
    expect(
      deals.map((d) => [d.id, d.ownerId, d.state.amountMinor, d.state.stage, d.state.pushCount]),
    ).toEqual([
      // d1's amount is 1500.00 from 03-10; d2 is 500 EUR at 1.1; d5 was pushed once; d4 closes in Q2.
      ['d1', 'u1', 150_000, 'Negotiation/Review', 0],
      ['d2', 'u2', 55_000, 'Proposal/Price Quote', 0],
      ['d3', 'u1', 25_050, 'Prospecting', 0],
      ['d5', 'u3', 30_000, 'Prospecting', 1],
    ]);
    const d1 = deals[0]?.state;
    expect(d1).toMatchObject({
      probability01: 0.9,
      category: 'Commit',
      isClosed: false,
      closeDate: '2026-03-31',
    });
    expect(d1?.stageEnteredAtMs).toBe(Date.parse('2026-02-01T10:00:00Z'));
    expect(d1?.createdAtMs).toBe(Date.parse('2026-01-05T10:00:00Z'));
  });

  it('keeps won deals, drops lost ones, and cuts to the scope and the owners asked for', async () => {
    const after = byId(await q1('2026-03-31T00:00:00Z'));
    expect(after.map((d) => [d.id, d.state.isWon])).toEqual([
      ['d1', false],
      ['d2', false],
      ['d3', true],
    ]);
    const anas = await q1('2026-03-12T00:00:00Z', { scope: { kind: 'owners', ownerIds: ['u1'] } });
    expect(anas.map((d) => d.id).sort()).toEqual(['d1', 'd3']);
    const bens = await q1('2026-03-12T00:00:00Z', { ownerIds: ['u2'] });
    expect(bens.map((d) => d.id)).toEqual(['d2']);
    expect(await q1('2026-03-12T00:00:00Z', { scope: { kind: 'owners', ownerIds: [] } })).toEqual([]);
  });

  it('reads each deal history only up to the as-of moment', async () => {
    const timelines = await listDealTimelines(database, {
      closeFrom: '2026-01-01',
      closeTo: '2026-04-01',
      asOf: new Date('2026-03-12T00:00:00Z'),
      corporateCurrency: 'USD',
    });
    expect(timelines.map((t) => [t.id, t.versions.length])).toEqual([
      ['d1', 4],
      ['d2', 1],
      ['d3', 1],
      ['d5', 2],
    ]);
    const d1 = timelines[0]?.versions ?? [];
    // Created at 1000.00, Commit on 02-01, 1200.00 dated 02-15, 1500.00 on 03-10 (open from then).
    expect(d1.map((v) => v.amountMinor)).toEqual([100_000, 100_000, 120_000, 150_000]);
    expect(d1.at(-1)?.validToMs).toBe(Infinity);
    // d5 was lost on 03-25: not known on 03-12, so its version then is still open.
    const d5 = timelines[3]?.versions ?? [];
    expect(d5.at(-1)).toMatchObject({ isClosed: false, closeDate: '2026-03-20', validToMs: Infinity });
  });
});
