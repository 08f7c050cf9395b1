import { sql } from 'kysely';
import { expect, it } from 'vitest';
import type { BacktestResponse } from '../../../src/api/backtest.js';
import type { ForecastResponse } from '../../../src/api/forecast.js';
import { readCsvDownload, readXlsxDownload } from '../../helpers/read-download.js';
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

  it('exports the forecast of the same query without storing it, cut to the caller’s scope', async () => {
    const stored = async () =>
      (await sql<{ n: string }>`select count(*)::text as n from forecasts`.execute(server.database.db))
        .rows[0]?.n;
    const before = await stored();
    const csv = await server.get('/api/forecast/export?period=2026-Q2&deals=true');
    expect([csv.status, csv.type]).toEqual([200, 'text/csv; charset=utf-8']);
    const [header = [], ...rows] = readCsvDownload(String(csv.body));
    expect(header.slice(0, 12)).toEqual([
      'period',
      'as of',
      'team id',
      'owner id',
      'line',
      'expected (USD)',
      'p10 (USD)',
      'p50 (USD)',
      'p90 (USD)',
      'deals',
      'method',
      'deal id',
    ]);
    const column = (name: string) => header.indexOf(name);
    expect(rows.map((r) => [r[column('line')], r[column('expected (USD)')], r[column('deal id')]])).toEqual([
      ['forecast', '1000.00', ''],
      ['closed won', '0.00', ''],
      ['open pipeline', '1000.00', ''],
      ['not in pipeline', '0.00', ''],
      ['deal', '1000.00', 'd4'],
    ]);
    // The same figures GET /api/forecast answers for the same query.
    const json = (await server.get('/api/forecast?period=2026-Q2&asOf=2026-05-01T12:00:00Z'))
      .body as ForecastResponse;
    expect(rows[0]?.slice(column('p10 (USD)'), column('p90 (USD)') + 1)).toEqual([
      json.p10,
      json.p50,
      json.p90,
    ]);
    const d4 = rows[4] ?? [];
    expect([d4[column('amount (USD)')], d4[column('probability')], d4[column('deal owner id')]]).toEqual([
      '9999.99',
      '0.1',
      'u2',
    ]);
    expect(await stored()).toBe(before);

    // Ana, a rep: her own scope holds nothing in 2026-Q2, and Ben's deals are not hers to read.
    const ana = await server.as('ana');
    const own = await ana.inject({ method: 'GET', url: '/api/forecast/export?period=2026-Q2&format=xlsx' });
    expect(own.headers['content-disposition']).toContain(
      'filename="forecast-2026-Q2-as-of-2026-05-01T12-00-00Z.xlsx"',
    );
    const sheet = await readXlsxDownload(own, 'Forecast');
    expect(sheet.rowCount).toBe(5);
    expect([sheet.getRow(2).getCell(5).value, sheet.getRow(2).getCell(6).value]).toEqual(['forecast', 0]);
    expect(sheet.getRow(2).getCell(2).value).toEqual(new Date('2026-05-01T12:00:00Z'));
    const outside = await ana.get('/api/forecast/export?period=2026-Q2&owner=u2');
    expect(outside.status).toBe(403);
  });

  it('exports the backtest rows to those who read everything', async () => {
    const csv = await server.get('/api/backtest/export?from=2026-01-01&to=2026-03-31');
    expect([csv.status, csv.type]).toEqual([200, 'text/csv; charset=utf-8']);
    const [header = [], ...rows] = readCsvDownload(String(csv.body));
    expect(header).toEqual([
      'method id',
      'method',
      'period',
      'week',
      'as of',
      'forecast (USD)',
      'p10 (USD)',
      'p50 (USD)',
      'p90 (USD)',
      'actual (USD)',
      'error',
    ]);
    const json = (await server.get('/api/backtest?from=2026-01-01&to=2026-03-31')).body as BacktestResponse;
    expect(rows).toHaveLength(json.rows.length);
    const first = json.rows[0];
    expect(rows[0]?.slice(0, 10)).toEqual([
      first?.method,
      "Candor's forecast",
      first?.period,
      String(first?.week),
      first?.asOf,
      first?.forecast,
      first?.p10 ?? '',
      first?.p50 ?? '',
      first?.p90 ?? '',
      '250.50',
    ]);
    const xlsx = await (
      await server.as('vera')
    ).inject({
      method: 'GET',
      url: '/api/backtest/export?from=2026-01-01&to=2026-03-31&format=xlsx',
    });
    expect(xlsx.headers['content-disposition']).toContain('filename="backtest-2026-Q1.xlsx"');
    const sheet = await readXlsxDownload(xlsx, 'Backtest');
    expect([sheet.getRow(2).getCell(10).value, sheet.getRow(2).getCell(11).numFmt]).toEqual([250.5, '0.0%']);
    const cleo = await server.as('cleo');
    expect((await cleo.get('/api/backtest/export?from=2026-01-01&to=2026-03-31')).status).toBe(403);
  });
});
