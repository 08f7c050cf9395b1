import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import { withTransaction } from '../../src/db/connection.js';
import { everything } from '../../src/core/access-scope.js';
import { exportOpportunities } from '../../src/services/export/export-opportunities.js';
import { appendEvents } from '../../src/store/append-events.js';
import { dealCreated, roleGranted, teamCreated, userCreated } from '../helpers/sample-events.js';
import { readCsvDownload as parseCsv } from '../helpers/read-download.js';
import { describeEachEngine } from '../helpers/test-database.js';
import { useServerWithHistory } from './server-history.js';

const header = [
  'id',
  'name',
  'account',
  'owner',
  'stage',
  'forecast category',
  'amount',
  'currency',
  'corporate amount (USD)',
  'close date',
  'push count',
  'next step',
  'created at (UTC)',
];
const created = '2026-01-05T10:00:00.000Z';
/** Ana's 2026-Q1 deals in close-date order, as her CSV export must hold them. */
const anaQ1 = [
  [
    'd6',
    `'=HYPERLINK("http://evil.test","click")`,
    '',
    'Ana Alvarez',
    'Prospecting',
    'Pipeline',
    '-12.50',
    'USD',
    '-12.50',
    '2026-03-05',
    '0',
    `'+1 call, then "close"`,
    created,
  ],
  [
    'd3',
    'Initech pilot',
    '',
    'Ana Alvarez',
    'Closed Won',
    'Closed',
    '250.50',
    'USD',
    '250.50',
    '2026-03-15',
    '0',
    '',
    created,
  ],
  [
    'd1',
    'Acme renewal',
    'Acme Corp',
    'Ana Alvarez',
    'Negotiation/Review',
    'Commit',
    '1500.00',
    'USD',
    '1500.00',
    '2026-03-31',
    '0',
    '',
    created,
  ],
];

describeEachEngine('GET /api/opportunities/export', (engine) => {
  const server = useServerWithHistory(engine);
  beforeAll(async () => {
    // d6: formula-like text and a negative amount (a credit); d8: a deal outside the sales tree;
    // 1,100 deals of Ben's in 2027, so that an export spans three of the list's pages.
    const at = '2026-01-05T10:00:00Z';
    const bulk = Array.from({ length: 1_100 }, (_, i) =>
      dealCreated(`bulk-${String(i).padStart(4, '0')}`, at, {
        name: `Bulk ${i}`,
        ownerId: 'u2',
        amountMinor: BigInt(1_000 + (i % 7)),
        closeDate: `2027-0${1 + (i % 9)}-1${i % 10}`,
      }),
    );
    await withTransaction(server.database, (conn) =>
      appendEvents(
        conn,
        [
          teamCreated('partners', 'Partners', null, at),
          userCreated('u8', 'Pat Partner', at, 'pat@server.test'),
          roleGranted('u8', 'partners', 'rep', at),
          dealCreated('d6', at, {
            name: '=HYPERLINK("http://evil.test","click")',
            ownerId: 'u1',
            amountMinor: -1_250n,
            closeDate: '2026-03-05',
            nextStep: '+1 call, then "close"',
          }),
          dealCreated('d8', at, { name: '@partner deal', ownerId: 'u8', closeDate: '2026-02-10' }),
          ...bulk,
        ],
        { recordedTime: new Date('2026-04-30T00:00:00Z') },
      ),
    );
  });

  it('gives Ana a CSV of exactly her deals, text neutralised, amounts exact (a negative one too)', async () => {
    const ana = await server.as('ana');
    const response = await ana.inject({ method: 'GET', url: '/api/opportunities/export?period=2026-Q1' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="candor-deals-2026-Q1-as-of-2026-05-01T12-00-00Z.csv"; ` +
        `filename*=UTF-8''candor-deals-2026-Q1-as-of-2026-05-01T12-00-00Z.csv`,
    );
    expect(parseCsv(response.body)).toEqual([header, ...anaQ1]);
  });

  it("gives Cleo her subtree's deals and Vera everything, in the list's order", async () => {
    const ids = async (who: string, query: string): Promise<string[]> => {
      const client = await server.as(who);
      const response = await client.inject({ method: 'GET', url: `/api/opportunities/export?${query}` });
      expect(response.statusCode).toBe(200);
      return parseCsv(response.body)
        .slice(1)
        .map((row) => row[0] ?? '');
    };
    expect(await ids('cleo', 'period=2026-Q1')).toEqual(['d2', 'd6', 'd3', 'd5', 'd1']);
    expect(await ids('vera', 'period=2026-Q1')).toEqual(['d8', 'd2', 'd6', 'd3', 'd5', 'd1']);
    expect(await ids('ben', 'period=2026')).toEqual(['d2', 'd4']);
    expect(await ids('vera', 'period=2026&sort=amount&order=desc&category=Pipeline')).toEqual([
      'd4',
      'd8',
      'd6',
    ]);
  });

  it('holds every matching deal, past the API’s 500-deal page, in the list’s order', async () => {
    const vera = await server.as('vera');
    const response = await vera.inject({
      method: 'GET',
      url: '/api/opportunities/export?period=2027&sort=name',
    });
    const rows = parseCsv(response.body).slice(1);
    expect(rows).toHaveLength(1_100);
    expect(new Set(rows.map((row) => row[0])).size).toBe(1_100);
    const list = await vera.get('/api/opportunities?period=2027&sort=name&limit=500&offset=1000');
    expect(rows.slice(1_000).map((row) => row[0])).toEqual(list.body.items.map((d: { id: string }) => d.id));
    expect(rows[0]).toEqual([
      'bulk-0000',
      'Bulk 0',
      '',
      'Ben Brooks',
      'Prospecting',
      'Pipeline',
      '10.00',
      'USD',
      '10.00',
      '2027-01-10',
      '0',
      '',
      created,
    ]);
  });

  it('assembles the same file from pages of 500 as from one page, each deal once', async () => {
    const read = async (pageSize: number): Promise<string> => {
      const download = await exportOpportunities(server.database, {
        scope: everything,
        period: '2027',
        asOf: null,
        sort: 'amount',
        descending: true,
        format: 'csv',
        now: new Date('2026-05-01T12:00:00Z'),
        pageSize,
      });
      const chunks: Buffer[] = [];
      for await (const chunk of download.body) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    };
    const paged = await read(500);
    expect(paged).toBe(await read(5_000));
    const ids = parseCsv(paged)
      .slice(1)
      .map((row) => row[0]);
    expect([ids.length, new Set(ids).size]).toEqual([1_100, 1_100]);
  });

  it('writes XLSX with amounts as numbers in the currency’s decimals, dates as dates, text neutralised', async () => {
    const ana = await server.as('ana');
    const response = await ana.inject({
      method: 'GET',
      url: '/api/opportunities/export?period=2026-Q1&format=xlsx',
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(response.headers['content-disposition']).toContain(
      'filename="candor-deals-2026-Q1-as-of-2026-05-01T12-00-00Z.xlsx"',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Deals');
    if (!sheet) throw new Error('no Deals sheet');
    expect(sheet.rowCount).toBe(4);
    expect(sheet.getRow(1).values).toEqual([undefined, ...header]);
    const d6 = sheet.getRow(2);
    expect(d6.getCell(1).value).toBe('d6');
    expect(d6.getCell(2).value).toBe(`'=HYPERLINK("http://evil.test","click")`);
    expect([d6.getCell(7).value, d6.getCell(7).numFmt]).toEqual([-12.5, '#,##0.00']);
    expect([d6.getCell(9).value, d6.getCell(9).numFmt]).toEqual([-12.5, '#,##0.00']);
    expect(d6.getCell(10).value).toEqual(new Date('2026-03-05T00:00:00Z'));
    expect(d6.getCell(11).value).toBe(0);
    expect(d6.getCell(12).value).toBe(`'+1 call, then "close"`);
    expect(d6.getCell(13).value).toEqual(new Date(created));
    const d1 = sheet.getRow(4);
    expect([d1.getCell(1).value, d1.getCell(3).value, d1.getCell(7).value]).toEqual([
      'd1',
      'Acme Corp',
      1500,
    ]);
    expect(d1.getCell(3).numFmt).toBeUndefined();
  });

  it('answers problems, not files, for bad filters, paging parameters and callers without a session', async () => {
    const vera = await server.as('vera');
    const unknownTeam = await vera.get('/api/opportunities/export?team=nope');
    expect([unknownTeam.status, unknownTeam.body.code, unknownTeam.body.detail]).toEqual([
      400,
      'invalid-input',
      "there is no team 'nope'",
    ]);
    const paged = await vera.get('/api/opportunities/export?limit=10');
    expect([paged.status, paged.body.errors]).toEqual([
      400,
      [
        {
          where: 'limit',
          value: '10',
          reason: 'an export holds every matching deal: it takes no limit or offset',
        },
      ],
    ]);
    const both = await vera.get('/api/opportunities/export?period=2026-Q1&closeFrom=2026-01-01');
    expect(both.body.errors).toEqual([
      {
        where: 'closeFrom',
        value: '2026-01-01',
        reason: 'give either period or closeFrom/closeTo, not both',
      },
    ]);
    const format = await vera.get('/api/opportunities/export?format=pdf');
    expect([format.status, format.body.errors[0].where]).toEqual([400, 'format']);
    const anonymous = await server.app.inject({ method: 'GET', url: '/api/opportunities/export' });
    expect(anonymous.statusCode).toBe(401);
  });

  it('names the instant it shows, as of a past moment, and the close range it covers', async () => {
    const vera = await server.as('vera');
    const response = await vera.inject({
      method: 'GET',
      url: '/api/opportunities/export?closeFrom=2026-01-01&closeTo=2026-03-01&asOf=2026-02-20T00:00:00Z',
    });
    expect(response.headers['content-disposition']).toContain(
      'filename="candor-deals-2026-01-01-to-2026-03-01-as-of-2026-02-20T00-00-00Z.csv"',
    );
    // As of 02-20, d6 and d8 (recorded later but dated 01-05) exist, d2 was 500 EUR at 1.1.
    const rows = parseCsv(response.body).slice(1);
    expect(rows.map((row) => [row[0], row[6], row[8]])).toEqual([
      ['d8', '1000.00', '1000.00'],
      ['d2', '500.00', '550.00'],
    ]);
  });
});
