import { sql } from 'kysely';
import { expect, it } from 'vitest';
import type { BacktestResponse } from '../../../src/api/backtest.js';
import type { ForecastResponse } from '../../../src/api/forecast.js';
import { describeEachEngine } from '../../helpers/test-database.js';
import { useServerWithHistory } from '../server-history.js';

describeEachEngine('GET /api/forecast', (engine) => {
  const server = useServerWithHistory(engine);

  it("answers the caller's scope and stores the forecast it showed", async () => {
    // The app's clock reads 2026-05-01 12:00: 2026-Q2 has d4 only (Ben, 9999.99 at 0.1).
    const vera = await server.get('/api/forecast?period=2026-Q2&deals=true');
    expect(vera.status).toBe(200);
    const report = vera.body as ForecastResponse;
    expect(report).toMatchObject({
      period: '2026-Q2',
      asOf: '2026-05-01T12:00:00.000Z',
      expected: '1000.00',
      weekOfPeriod: 5,
      currency: 'USD',
    });
    expect(report.deals.map((d) => [d.id, d.amount, d.probability])).toEqual([['d4', '9999.99', 0.1]]);
    expect(report.recordedSeq).not.toBeNull();
    const ana = await server.as('ana');
    const anas = await ana.get('/api/forecast?period=2026-Q2');
    expect((anas.body as ForecastResponse).expected).toBe('0.00');
    const stored = await sql<{ recorded_by: string; expected_minor: string }>`
      select recorded_by, expected_minor from forecasts order by recorded_by`.execute(server.database.db);
    expect(stored.rows).toEqual([
      { recorded_by: 'u1', expected_minor: '0' },
      { recorded_by: 'u9', expected_minor: '100000' },
    ]);
  });

  it('looks back without storing, and refuses a person outside the scope or a bad period', async () => {
    const past = await server.get('/api/forecast?period=2026-Q1&asOf=2026-03-12T00:00:00Z&team=west');
    expect(past.status).toBe(200);
    expect(past.body).toMatchObject({ expected: '412.50', teamId: 'west', recordedSeq: null });
    const ana = await server.as('ana');
    const outside = await ana.get('/api/forecast?period=2026-Q2&asOf=2026-04-02T00:00:00Z&owner=u2');
    expect(outside.status).toBe(403);
    const bad = await server.get('/api/forecast?period=2026-Q9');
    expect(bad.status).toBe(400);
  });

  it('backtests the organisation for those who read everything, once per ledger head', async () => {
    const first = await server.get('/api/backtest?from=2026-01-01&to=2026-03-31');
    expect(first.status).toBe(200);
    const report = first.body as BacktestResponse;
    // d3 (250.50) is the quarter's only win, recorded on 04-20 after the quarter ended: backdated.
    expect(report.periods).toEqual([
      { period: '2026-Q1', actual: '250.50', wonDeals: 1, backdated: { deals: 1, amount: '250.50' } },
    ]);
    expect(report.cached).toBe(false);
    expect(report.rows.filter((r) => r.method === 'candor')).toHaveLength(13);
    expect(report.reliability.candor).toHaveLength(10);
    const again = await server.get('/api/backtest?from=2026-01-01&to=2026-03-31');
    expect(again.body).toEqual({ ...report, cached: true });
    const cleo = await server.as('cleo');
    const manager = await cleo.get('/api/backtest?from=2026-01-01&to=2026-03-31');
    expect(manager.status).toBe(403);
    const future = await server.get('/api/backtest?from=2026-07-01&to=2026-09-30');
    expect(future.status).toBe(400);
  });
});
