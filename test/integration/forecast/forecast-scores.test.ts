import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { computeScopeKey } from '../../../src/core/forecast/forecast-record.js';
import { everything } from '../../../src/services/access.js';
import { getTrackRecords } from '../../../src/services/calls/get-track-records.js';
import { scoreFinishedForecasts } from '../../../src/services/forecast/score-forecasts.js';
import { verifyLedger } from '../../../src/services/verify-ledger.js';
import { appendEvents } from '../../../src/store/append-events.js';
import { withTransaction } from '../../../src/store/session.js';
import { openTestDatabase, describeEachEngine, type TestDatabase } from '../../helpers/test-database.js';
import { loadServerHistory } from '../server-history.js';
import { storedForecast } from './stored-forecasts.js';

describeEachEngine('scoring stored forecasts at period close', (engine) => {
  let database: TestDatabase;
  const now = new Date('2026-05-01T12:00:00Z');
  // 2026-Q1 closed won, as known now: only d3 (Ana, 250.50, recorded late on 04-20).
  const forecasts = [
    // Week 3: an earlier showing, then the latest of the week, which alone is scored.
    storedForecast({ asOf: '2026-01-12T09:00:00.000Z', week: 3, expected: 90_000n, p10: 1n, p90: 99_000n }),
    storedForecast({
      asOf: '2026-01-15T09:00:00.000Z',
      week: 3,
      expected: 20_000n,
      p10: 10_000n,
      p90: 30_000n,
    }),
    // Week 10: too high, and the actual fell below its P10.
    storedForecast({
      asOf: '2026-03-05T09:00:00.000Z',
      week: 10,
      expected: 30_000n,
      p10: 26_000n,
      p90: 40_000n,
    }),
    // Ana's own scope, exactly right.
    storedForecast({
      asOf: '2026-03-05T09:00:00.000Z',
      week: 10,
      ownerId: 'u1',
      expected: 25_050n,
      p10: 20_000n,
      p90: 30_000n,
    }),
    // Stored after the quarter ended: not a forecast of it any more, left unscored.
    storedForecast({ asOf: '2026-04-02T09:00:00.000Z', week: 14, expected: 25_050n, p10: 1n, p90: 2n }),
  ];

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    await loadServerHistory(database);
    await withTransaction(database, (conn) =>
      appendEvents(conn, forecasts, { recordedTime: new Date('2026-04-25T00:00:00Z') }),
    );
  });
  afterAll(async () => database.close());

  it('scores the latest forecast of each scope and week against what closed won, once', async () => {
    const first = await scoreFinishedForecasts(database, {
      periods: ['2026-Q1', '2026-Q2'],
      now,
      actor: 'cli',
      source: 'cli',
    });
    // 2026-Q2 has not ended on 05-01: skipped.
    expect(first.periods).toEqual(['2026-Q1']);
    expect(first.alreadyScored).toBe(0);
    expect(first.unresolved).toEqual([]);
    const ana = computeScopeKey(['u1']);
    expect(
      first.scored.map((s) => [s.scopeKey, s.week, s.expected, s.actual, s.accuracy01, s.withinBand]),
    ).toEqual(
      [
        // 1 − |250.50 − 200.00| / 250.50 = 1 − 50.50 / 250.50
        ['all', 3, '200.00', '250.50', '0.798403', true],
        // 1 − |250.50 − 300.00| / 250.50 = 1 − 49.50 / 250.50; 250.50 < P10 260.00
        ['all', 10, '300.00', '250.50', '0.802395', false],
        [ana, 10, '250.50', '250.50', '1.000000', true],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    const rows = await sql<{ scope_key: string; week: number; signed_error01: string; error_minor: string }>`
      select scope_key, week, signed_error01, error_minor::text from forecast_scores
      where scope_key = 'all' order by week`.execute(database.db);
    expect(rows.rows).toEqual([
      { scope_key: 'all', week: 3, signed_error01: '-0.201597', error_minor: '-5050' },
      { scope_key: 'all', week: 10, signed_error01: '0.197605', error_minor: '4950' },
    ]);

    const head = await sql<{ n: string }>`select count(*)::text as n from events`.execute(database.db);
    const again = await scoreFinishedForecasts(database, {
      periods: ['2026-Q1'],
      now,
      actor: 'cli',
      source: 'cli',
    });
    expect(again.scored).toEqual([]);
    expect(again.alreadyScored).toBe(3);
    const after = await sql<{ n: string }>`select count(*)::text as n from events`.execute(database.db);
    expect(after.rows[0]?.n).toBe(head.rows[0]?.n);

    const report = await verifyLedger(database, { now });
    expect(report.ok).toBe(true);
  });

  it("shows Candor's record for the caller's scope beside the track records", async () => {
    const records = await getTrackRecords(database, { readScope: everything, now, periods: ['2026-Q1'] });
    expect(records.candorForecast).toEqual({
      scopeKey: 'all',
      periods: 1,
      accuracyByWeek: [
        { week: 3, accuracy01: 0.798403, forecasts: 1 },
        { week: 10, accuracy01: 0.802395, forecasts: 1 },
      ],
      meanAccuracy01: (0.798403 + 0.802395) / 2,
      bias01: (-0.201597 + 0.197605) / 2,
      coverage01: 0.5,
      scored: 2,
    });
    const ana = await getTrackRecords(database, {
      readScope: { kind: 'owners', ownerIds: ['u1'] },
      now,
      periods: ['2026-Q1'],
    });
    expect(ana.candorForecast.accuracyByWeek).toEqual([{ week: 10, accuracy01: 1, forecasts: 1 }]);
    expect(ana.candorForecast.coverage01).toBe(1);
  });
});
