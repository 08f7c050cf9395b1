import { expect, it } from 'vitest';
import type { BridgeResponse } from '../../../src/api/bridge.js';
import { readCsvDownload, readXlsxDownload } from '../../helpers/read-download.js';
import { describeEachEngine } from '../../helpers/test-database.js';
import { useServerWithHistory } from '../server-history.js';

/**
 * GET /api/bridge on the server fixture (test/integration/server-history.ts). Q1 2026, from the
 * first moment of the year to the first of April: nothing is open on 1 January; d5 (300.00), d1
 * (1000.00), d3 (250.50) and d2 (EUR 500.00 at 1.1 = 550.00) are created; d1 grows to 1200.00
 * (backdated to 02-15) and 1500.00; d5 is lost; d3 is won. d4 closes in Q2 and is in nothing.
 */
function steps(body: BridgeResponse) {
  return Object.fromEntries(
    body.steps
      .filter((s) => s.deals.length > 0)
      .map((s) => [s.kind, [s.amount, s.deals.map((d) => `${d.id} ${d.amount}`)]]),
  );
}

describeEachEngine('GET /api/bridge', (engine) => {
  const server = useServerWithHistory(engine);

  it('walks the quarter for someone who sees everything, to the cent', async () => {
    const response = await server.get(
      '/api/bridge?period=2026-Q1&from=2026-01-01T00:00:00Z&to=2026-04-01T00:00:00Z',
    );
    expect(response.status).toBe(200);
    const body = response.body as BridgeResponse;
    expect([body.start, body.won, body.open, body.end, body.currency]).toEqual([
      '0.00',
      '250.50',
      '2050.00',
      '2300.50',
      'USD',
    ]);
    expect(steps(body)).toEqual({
      created: ['2100.50', ['d1 1000.00', 'd2 550.00', 'd5 300.00', 'd3 250.50']],
      increased: ['500.00', ['d1 300.00', 'd1 200.00']],
      lost: ['-300.00', ['d5 -300.00']],
      category: ['0.00', ['d1 1000.00']],
      won: ['0.00', ['d3 250.50']],
    });
    // d5 was pushed from 03-01 to 03-20, then closed lost on 03-25: a later close date again.
    expect(body.pushes).toEqual({ count: 2, deals: 1, dealIds: ['d5'] });
    const d1 = body.steps.find((s) => s.kind === 'created')?.deals.find((d) => d.id === 'd1');
    expect(d1).toMatchObject({ name: 'Acme renewal', owner: 'Ana Alvarez', team: 'East' });
  });

  it('starts mid-quarter from the pipeline as it stood then', async () => {
    const response = await server.get(
      '/api/bridge?period=2026-Q1&from=2026-02-01T12:00:00Z&to=2026-04-01T00:00:00Z',
    );
    const body = response.body as BridgeResponse;
    // d5 300.00 + d1 1000.00 (Commit since 10:00) + d3 250.50 = 1550.50.
    expect(body.start).toBe('1550.50');
    expect(body.end).toBe('2300.50');
    expect(steps(body)).toEqual({
      created: ['550.00', ['d2 550.00']],
      increased: ['500.00', ['d1 300.00', 'd1 200.00']],
      lost: ['-300.00', ['d5 -300.00']],
      won: ['0.00', ['d3 250.50']],
    });
  });

  it('cuts the bridge to what a rep may see, and to a team', async () => {
    const ana = await server.as('ana');
    const own = (await ana.get('/api/bridge?period=2026-Q1&from=2026-01-01&to=2026-04-01'))
      .body as BridgeResponse;
    expect([own.start, own.won, own.open, own.end]).toEqual(['0.00', '250.50', '1500.00', '1750.50']);
    const west = (await server.get('/api/bridge?period=2026-Q1&from=2026-01-01&to=2026-04-01&team=west'))
      .body as BridgeResponse;
    expect([west.end, steps(west)]).toEqual(['550.00', { created: ['550.00', ['d2 550.00']] }]);
  });

  it('groups by team, each group adding up on its own', async () => {
    const body = (await server.get('/api/bridge?period=2026-Q1&from=2026-01-01&to=2026-04-01&group=team'))
      .body as BridgeResponse;
    expect(body.groups?.rows.map((r) => [r.label, r.start, r.won, r.open, r.end])).toEqual([
      ['East', '0.00', '250.50', '1500.00', '1750.50'],
      ['West', '0.00', '0.00', '550.00', '550.00'],
      // Cleo manages Sales: her lost Hooli deal is the Sales team's.
      ['Sales', '0.00', '0.00', '0.00', '0.00'],
    ]);
  });

  it('attributes the gap to a given call to the deals behind it', async () => {
    const body = (
      await server.get(
        '/api/bridge?period=2026-Q1&from=2026-02-01T12:00:00Z&to=2026-04-01T00:00:00Z&call=2000',
      )
    ).body as BridgeResponse;
    // Commit at the call: d1 1000.00; closed: d3 250.50; gap 250.50 − 2000.00 = −1749.50.
    expect(body.call).toMatchObject({
      source: 'given',
      called: '2000.00',
      commitAtCall: '1000.00',
      closed: '250.50',
      gap: '-1749.50',
    });
    expect(
      body.call?.parts
        .filter((p) => p.amount !== '0.00')
        .map((p) => [p.kind, p.amount, p.deals.map((d) => d.id)]),
    ).toEqual([
      ['call-over-commit', '-1000.00', []],
      ['commit-still-open', '-1000.00', ['d1']],
      ['pipeline-won', '250.50', ['d3']],
    ]);
    expect(body.account.text).toContain(
      'We missed the call of USD 2,000 by USD 1,750: USD 251 closed in 2026-Q1, 13% of the call.',
    );
  });

  it('exports one row per deal movement within the caller’s scope, as CSV and XLSX', async () => {
    const window = 'period=2026-Q1&from=2026-01-01T00:00:00Z&to=2026-04-01T00:00:00Z';
    const csv = await server.get(`/api/bridge/export?${window}&call=2000&group=team`);
    expect([csv.status, csv.type]).toEqual([200, 'text/csv; charset=utf-8']);
    const [header = [], ...rows] = readCsvDownload(String(csv.body));
    expect(header).toEqual([
      'period',
      'from',
      'to',
      'step',
      'step label',
      'step amount (USD)',
      'deal id',
      'deal',
      'owner',
      'team',
      'segment',
      'amount (USD)',
      'change',
      'at',
    ]);
    // The steps' deals as GET /api/bridge lists them: a call or a grouping leaves them as they are.
    expect(rows.map((r) => [r[3], r[6], r[11]])).toEqual([
      ['created', 'd1', '1000.00'],
      ['created', 'd2', '550.00'],
      ['created', 'd5', '300.00'],
      ['created', 'd3', '250.50'],
      ['increased', 'd1', '300.00'],
      ['increased', 'd1', '200.00'],
      ['lost', 'd5', '-300.00'],
      ['category', 'd1', '1000.00'],
      ['won', 'd3', '250.50'],
    ]);
    expect(rows[0]?.slice(0, 3)).toEqual(['2026-Q1', '2026-01-01T00:00:00.000Z', '2026-04-01T00:00:00.000Z']);
    expect(rows[0]?.slice(4, 10)).toEqual([
      'Newly created',
      '2100.50',
      'd1',
      'Acme renewal',
      'Ana Alvarez',
      'East',
    ]);

    // Ana, a rep, gets her own deals' movements only.
    const ana = await server.as('ana');
    const own = await ana.inject({ method: 'GET', url: `/api/bridge/export?${window}&format=xlsx` });
    expect(own.headers['content-disposition']).toContain(
      'filename="bridge-2026-Q1-2026-01-01T00-00-00Z-to-2026-04-01T00-00-00Z.xlsx"',
    );
    const sheet = await readXlsxDownload(own, 'Bridge');
    const ids = [];
    for (let n = 2; n <= sheet.rowCount; n += 1) ids.push(sheet.getRow(n).getCell(7).value);
    expect(ids).toEqual(['d1', 'd3', 'd1', 'd1', 'd1', 'd3']);
    // Cleo's lost Hooli deal is not hers to see.
    expect(String((await ana.get(`/api/bridge/export?${window}`)).body)).not.toContain('Hooli');
    expect([sheet.getRow(2).getCell(12).value, sheet.getRow(2).getCell(12).numFmt]).toEqual([
      1000,
      '#,##0.00',
    ]);
    expect(sheet.getRow(2).getCell(14).value).toBeInstanceOf(Date);

    const backwards = await server.get('/api/bridge/export?period=2026-Q1&from=2026-03-01&to=2026-02-01');
    expect(backwards.status).toBe(400);
  });

  it('refuses a window that ends before it starts, as a problem', async () => {
    const response = await server.get('/api/bridge?period=2026-Q1&from=2026-03-01&to=2026-02-01');
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body)).toContain('the bridge needs `from` before `to`');
  });
});
