import { expect, it } from 'vitest';
import { createCliDatabase } from '../helpers/cli-database.js';
import { readCsvDownload, readXlsxDownload } from '../helpers/read-download.js';
import { runCli } from '../helpers/run-cli.js';
import { describeEachEngine } from '../helpers/test-database.js';
import { signInNewViewer } from '../helpers/sign-in.js';
import { createTestApp, loadServerHistory, useServerWithHistory } from './server-history.js';

const zero = { deals: 0, amount: '0.00' };

describeEachEngine('GET /api/pipeline', (engine) => {
  const server = useServerWithHistory(engine);
  const { get } = server;

  it('answers the current pipeline of a quarter by forecast category, amounts as decimal strings', async () => {
    const { status, body } = await get('/api/pipeline?period=2026-Q1');
    expect(status).toBe(200);
    // d1 1500.00 Commit; d2 500.00 EUR × 1.1 (rate on its close date) Best Case; d3 won 250.50;
    // d5 lost 300.00; d4 closes in Q2.
    expect(body).toEqual({
      period: '2026-Q1',
      asOf: null,
      currency: 'USD',
      closeFrom: '2026-01-01',
      closeTo: '2026-04-01',
      categories: {
        Pipeline: zero,
        'Best Case': { deals: 1, amount: '550.00' },
        Commit: { deals: 1, amount: '1500.00' },
        Closed: { deals: 1, amount: '250.50' },
        Omitted: { deals: 1, amount: '300.00' },
      },
      unconverted: 0,
    });
  });

  it('answers the pipeline as it stood at an instant, backdated changes in their place', async () => {
    const { status, body } = await get('/api/pipeline?period=2026-Q1&asOf=2026-02-20T00:00:00Z');
    expect(status).toBe(200);
    // On 02-20: d1 Commit at 1200.00 (the backdated 02-15 change); d2 Best Case 550.00;
    // d3 250.50 and d5 300.00 still Pipeline.
    expect(body.asOf).toBe('2026-02-20T00:00:00.000Z');
    expect(body.categories).toEqual({
      Pipeline: { deals: 2, amount: '550.50' },
      'Best Case': { deals: 1, amount: '550.00' },
      Commit: { deals: 1, amount: '1200.00' },
      Closed: zero,
      Omitted: zero,
    });
  });

  it('reads a bare day as midnight UTC and counts the won deal from its business time', async () => {
    const { body } = await get('/api/pipeline?period=2026-03&asOf=2026-03-20');
    expect(body.asOf).toBe('2026-03-20T00:00:00.000Z');
    // March closes: d1 (1500.00 by 03-10), d3 won on 03-15, d5 pushed to 03-20 and still open.
    expect(body.categories).toEqual({
      Pipeline: { deals: 1, amount: '300.00' },
      'Best Case': zero,
      Commit: { deals: 1, amount: '1500.00' },
      Closed: { deals: 1, amount: '250.50' },
      Omitted: zero,
    });
  });

  it('answers a bad period and a bad asOf as problem details naming each parameter', async () => {
    const { status, type, body } = await get('/api/pipeline?period=2026-Q5&asOf=yesterday');
    expect(status).toBe(400);
    expect(type).toMatch(/^application\/problem\+json/);
    expect(body).toMatchObject({
      type: 'urn:candor:problem:invalid-input',
      title: 'Invalid input',
      status: 400,
      code: 'invalid-input',
      instance: '/api/pipeline',
    });
    expect(body.errors).toEqual([
      {
        where: 'period',
        value: '2026-Q5',
        reason: 'expected a fiscal quarter (2026-Q3), month (2026-03), week (2026-W14) or year (2026)',
      },
      {
        where: 'asOf',
        value: 'yesterday',
        reason:
          'expected an ISO-8601 time with a zone, such as 2023-04-01T00:00:00Z, or a day such as 2023-04-01',
      },
    ]);
  });

  it('names a missing period', async () => {
    const { status, body } = await get('/api/pipeline');
    expect(status).toBe(400);
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0].where).toBe('period');
  });

  it('exports the totals by category each caller sees, as CSV and XLSX', async () => {
    const csv = await get('/api/pipeline/export?period=2026-Q1&asOf=2026-02-20T00:00:00Z');
    expect([csv.status, csv.type]).toEqual([200, 'text/csv; charset=utf-8']);
    const [header, ...rows] = readCsvDownload(String(csv.body));
    expect(header).toEqual([
      'period',
      'as of',
      'close from',
      'close to',
      'forecast category',
      'deals',
      'amount (USD)',
    ]);
    expect(rows.map((r) => r.slice(4))).toEqual([
      ['Pipeline', '2', '550.50'],
      ['Best Case', '1', '550.00'],
      ['Commit', '1', '1200.00'],
      ['Closed', '0', '0.00'],
      ['Omitted', '0', '0.00'],
    ]);
    expect(rows[0]?.slice(0, 4)).toEqual(['2026-Q1', '2026-02-20T00:00:00.000Z', '2026-01-01', '2026-03-31']);

    // Ana, a rep, sees her own deals only: d1 in Commit and the won d3; the file is named by the clock.
    const ana = await server.as('ana');
    const own = await ana.inject({ method: 'GET', url: '/api/pipeline/export?period=2026-Q1&format=xlsx' });
    expect(own.statusCode).toBe(200);
    expect(own.headers['content-disposition']).toContain(
      'filename="pipeline-2026-Q1-as-of-2026-05-01T12-00-00Z.xlsx"',
    );
    const sheet = await readXlsxDownload(own, 'Pipeline');
    expect(sheet.rowCount).toBe(6);
    const amounts = [2, 3, 4, 5, 6].map((n) => [
      sheet.getRow(n).getCell(5).value,
      sheet.getRow(n).getCell(6).value,
      sheet.getRow(n).getCell(7).value,
    ]);
    expect(amounts).toEqual([
      ['Pipeline', 0, 0],
      ['Best Case', 0, 0],
      ['Commit', 1, 1500],
      ['Closed', 1, 250.5],
      ['Omitted', 0, 0],
    ]);
    expect(sheet.getRow(5).getCell(7).numFmt).toBe('#,##0.00');
    expect(sheet.getRow(2).getCell(3).value).toEqual(new Date('2026-01-01T00:00:00Z'));

    expect((await get('/api/pipeline/export?period=2026-Q5')).status).toBe(400);
  });

  it('refuses a week the fiscal year does not have, from the calendar itself', async () => {
    const { status, body } = await get('/api/pipeline?period=2026-W53');
    expect(status).toBe(400);
    expect(body.code).toBe('invalid-input');
    expect(body.detail).toBe('fiscal year 2026 has no week 53');
  });
});

describeEachEngine('GET /api/pipeline against `candor pipeline --json`', (engine) => {
  it('answers the same numbers as the CLI, now and as of an instant', async () => {
    const database = await createCliDatabase(engine);
    try {
      const setup = await database.open();
      await loadServerHistory(setup);
      await setup.close();
      const queries = [
        { cli: ['--period', '2026-Q1'], api: 'period=2026-Q1' },
        {
          cli: ['--period', '2026-Q1', '--as-of', '2026-02-20T00:00:00Z'],
          api: 'period=2026-Q1&asOf=2026-02-20T00:00:00Z',
        },
      ];
      const fromCli = [];
      for (const query of queries) {
        const run = await runCli(['pipeline', ...query.cli, '--json', ...database.args], {
          databaseUrl: database.databaseUrl,
        });
        expect(run.exitCode).toBe(0);
        fromCli.push(run.json());
      }
      const handle = await database.open();
      const app = await createTestApp(handle);
      try {
        const viewer = await signInNewViewer(app, handle);
        for (const [index, query] of queries.entries()) {
          const response = await viewer.get(`/api/pipeline?${query.api}`);
          expect(response.body).toEqual(fromCli[index]);
        }
      } finally {
        await app.close();
        await handle.close();
      }
    } finally {
      await database.dispose();
    }
  }, 120_000);
});
