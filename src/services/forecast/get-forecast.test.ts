import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  describeEachEngine,
  openTestDatabase,
  type TestDatabase,
} from '../../../test/helpers/test-database.js';
import { loadServerHistory } from '../../../test/integration/server-history.js';
import { verifyLedger } from '../verify-ledger.js';
import { getForecast } from './get-forecast.js';
import { recordForecast } from './record-forecast.js';

describeEachEngine('getForecast and recordForecast', (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
    await loadServerHistory(database);
  });
  afterAll(async () => {
    await database.close();
  });

  const at = (iso: string) => () => new Date(iso);
  const everything = { kind: 'everything' } as const;

  it('adds closed won to the open deals at their stage probability when history is thin', async () => {
    const report = await getForecast(database, {
      period: '2026-Q1',
      asOf: new Date('2026-03-20T00:00:00Z'),
      scope: everything,
      clock: at('2026-05-01T00:00:00Z'),
      includeDeals: true,
    });
    // d3 won on 03-15 (250.50); d1 1500.00 × 0.9, d2 550.00 × 0.75, d5 300.00 × 0.1.
    expect(report).toMatchObject({
      expected: '2043.00',
      weekOfPeriod: 12,
      weeksInPeriod: 13,
      thinData: true,
      components: {
        closedWon: { expected: '250.50', deals: 1, method: 'ledger' },
        openPipeline: { expected: '1792.50', deals: 3, method: 'stage-default' },
        notInPipeline: { expected: '0.00', method: 'none' },
      },
    });
    expect(report.deals.map((d) => [d.id, d.probability, d.expected])).toEqual([
      ['d1', 0.9, '1350.00'],
      ['d2', 0.75, '412.50'],
      ['d5', 0.1, '30.00'],
    ]);
    // Each thin part says what it fell back to: win model, amounts, run rate, and the range.
    expect(report.notes).toHaveLength(4);
    expect(report.notes[3]).toMatch(/^only 0 comparable finished periods .*: the range is the model's own/);
  });

  it('sums only the scope, a team or a person, and refuses a person outside the scope', async () => {
    const forecast = (options: Partial<Parameters<typeof getForecast>[1]>) =>
      getForecast(database, {
        period: '2026-Q1',
        asOf: new Date('2026-03-12T00:00:00Z'),
        scope: everything,
        clock: at('2026-05-01T00:00:00Z'),
        ...options,
      });
    // Ana: d1 1500.00 × 0.9 + d3 250.50 × 0.1.
    expect((await forecast({ scope: { kind: 'owners', ownerIds: ['u1'] } })).expected).toBe('1375.05');
    // West is Ben: d2 550.00 × 0.75.
    expect((await forecast({ teamId: 'west' })).expected).toBe('412.50');
    expect((await forecast({ ownerId: 'u3' })).expected).toBe('30.00');
    await expect(
      forecast({ scope: { kind: 'owners', ownerIds: ['u1'] }, ownerId: 'u2' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(forecast({ teamId: 'nowhere' })).rejects.toMatchObject({ code: 'invalid-input' });
    await expect(forecast({ asOf: new Date('2026-04-02T00:00:00Z') })).rejects.toMatchObject({
      code: 'invalid-input',
      message: '2026-Q1 had ended by 2026-04-02T00:00:00.000Z',
    });
  });

  it('stores a forecast as of now once per scope, day and figures, and it verifies', async () => {
    const options = {
      period: '2026-Q2',
      scope: everything,
      clock: at('2026-05-01T12:00:00Z'),
      actor: 'u9',
      source: 'api' as const,
    };
    const first = await recordForecast(database, options);
    const again = await recordForecast(database, { ...options, clock: at('2026-05-01T15:00:00Z') });
    expect([again.p10, again.p50, again.p90, again.expected]).toEqual([
      first.p10,
      first.p50,
      first.p90,
      first.expected,
    ]);
    expect(again.recordedSeq).toBe(first.recordedSeq);
    const stored = await sql<{ seq: string; kind: string; business_time: Date }>`
      select seq, kind, business_time from events where entity_type = 'forecast'`.execute(database.db);
    expect(stored.rows).toEqual([
      { seq: first.recordedSeq, kind: 'forecast.recorded', business_time: new Date('2026-05-01T12:00:00Z') },
    ]);
    // d4: 9999.99 at 0.1, rounded to the cent.
    expect(first.expected).toBe('1000.00');
    const rows = await sql<{
      period: string;
      expected_minor: string;
      as_of: Date;
      scope_key: string;
      recorded_by: string;
    }>`
      select period, expected_minor, as_of, scope_key, recorded_by from forecasts`.execute(database.db);
    expect(rows.rows).toEqual([
      {
        period: '2026-Q2',
        expected_minor: '100000',
        as_of: new Date('2026-05-01T12:00:00Z'),
        scope_key: 'all',
        recorded_by: 'u9',
      },
    ]);
    const verified = await verifyLedger(database, { now: new Date('2026-05-02T00:00:00Z') });
    expect(verified.problems).toEqual([]);
  });
});
