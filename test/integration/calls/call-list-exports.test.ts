import { expect, it } from 'vitest';
import { readCsvDownload, readXlsxDownload } from '../../helpers/read-download.js';
import { describeEachEngine } from '../../helpers/test-database.js';
import { useCallsServer } from './calls-fixture.js';

/**
 * The call grid, who has not called, and the track records as files, on the calls fixture
 * (calls-fixture.ts): each file holds the rows GET /api/calls/… answers the same caller.
 */
describeEachEngine('forecast call lists as CSV and XLSX', (engine) => {
  const server = useCallsServer(engine);

  it("exports the call grid: the manager's whole team, a rep's own row", async () => {
    const ana = await server.at('2026-05-01T12:00:00Z', 'ana');
    expect(
      (await ana.send('POST', '/api/calls', { period: '2026-Q2', commit: '2600.00', bestCase: '3600' }))
        .status,
    ).toBe(201);
    const cleo = await server.at('2026-05-01T12:10:00Z', 'cleo');
    const csv = await cleo.get('/api/calls/grid/export?period=2026-Q2');
    expect([csv.status, csv.type]).toEqual([200, 'text/csv; charset=utf-8']);
    const [header = [], ...rows] = readCsvDownload(String(csv.body));
    expect(header.slice(0, 16)).toEqual([
      'period',
      'row',
      'team id',
      'team',
      'person id',
      'name',
      'commit call (USD)',
      'best case call (USD)',
      'commit call change since last week (USD)',
      'closed (USD)',
      'commit (USD)',
      'best case (USD)',
      'pipeline (USD)',
      'roll-up commit (USD)',
      'roll-up best case (USD)',
      'roll-up commit change since last week (USD)',
    ]);
    expect(rows.map((r) => r.slice(1, 8))).toEqual([
      ['team', 'sales', 'Sales', 'u3', 'Cleo Chen', '', ''],
      ['member', '', '', 'u1', 'Ana Alvarez', '2600.00', '3600.00'],
      ['member', '', '', 'u2', 'Ben Brooks', '', ''],
    ]);
    const column = (name: string) => header.indexOf(name);
    expect(rows[1]?.[column('roll-up commit (USD)')]).toBe('2500.00');
    expect(rows[2]?.[column('pipeline (USD)')]).toBe('9999.99');
    expect(rows[1]?.[column('call submitted at')]).toBe('2026-05-01T12:00:00.000Z');

    const own = await ana.inject({ method: 'GET', url: '/api/calls/grid/export?period=2026-Q2&format=xlsx' });
    expect(own.headers['content-disposition']).toContain(
      'filename="call-grid-2026-Q2-u1-as-of-2026-05-01T12-10-00Z.xlsx"',
    );
    const sheet = await readXlsxDownload(own, 'Call grid');
    expect(sheet.rowCount).toBe(2);
    expect([sheet.getRow(2).getCell(6).value, sheet.getRow(2).getCell(7).value]).toEqual([
      'Ana Alvarez',
      2600,
    ]);
    expect(sheet.getRow(2).getCell(17).value).toBe(3);
    expect((await ana.get('/api/calls/grid/export?period=2026-Q2&team=sales')).status).toBe(404);
  });

  it('exports who has not called this week, within the caller’s scope', async () => {
    const cleo = await server.at('2026-05-01T12:12:00Z', 'cleo');
    const csv = await cleo.get('/api/calls/reminders/export?period=2026-Q2');
    expect([csv.status, csv.type]).toEqual([200, 'text/csv; charset=utf-8']);
    expect(readCsvDownload(String(csv.body))).toEqual([
      ['period', 'week', 'person id', 'name', 'team', 'due at', 'last call at', 'last call week'],
      ['2026-Q2', '6', 'u2', 'Ben Brooks', 'West', '2026-05-07T17:00:00.000Z', '', ''],
      ['2026-Q2', '6', 'u3', 'Cleo Chen', 'Sales', '2026-05-07T17:00:00.000Z', '', ''],
    ]);
    const ben = await server.at('2026-05-01T12:13:00Z', 'ben');
    const own = await ben.inject({
      method: 'GET',
      url: '/api/calls/reminders/export?period=2026-Q2&format=xlsx',
    });
    expect(own.headers['content-disposition']).toContain(
      'filename="missing-calls-2026-Q2-week-6-as-of-2026-05-01T12-13-00Z.xlsx"',
    );
    const sheet = await readXlsxDownload(own, 'Missing calls');
    expect(sheet.rowCount).toBe(2);
    expect(sheet.getRow(2).getCell(3).value).toBe('u2');
    expect(sheet.getRow(2).getCell(6).value).toEqual(new Date('2026-05-07T17:00:00Z'));
  });

  it('exports the track records: people and teams for a wide scope, a rep only herself', async () => {
    // 2026-Q1, week 10: Ana calls 300.00, Ben 100.00, Cleo 500.00; Ana's d3 (250.50) closed.
    for (const [person, commit] of [
      ['ana', '300.00'],
      ['ben', '100.00'],
      ['cleo', '500.00'],
    ] as const) {
      const client = await server.at('2026-03-05T10:00:00Z', person);
      const body = { period: '2026-Q1', commit, bestCase: '1000.00', reason: 'judgement' };
      expect((await client.send('POST', '/api/calls', body)).status).toBe(201);
    }
    const vera = await server.at('2026-05-08T09:00:00Z', 'vera');
    const csv = await vera.get('/api/calls/track-records/export?periods=2026-Q1');
    expect([csv.status, csv.type]).toEqual([200, 'text/csv; charset=utf-8']);
    const [header = [], ...rows] = readCsvDownload(String(csv.body));
    const column = (name: string) => header.indexOf(name);
    expect(header.slice(0, 11)).toEqual([
      'periods scored over',
      'type',
      'id',
      'name',
      'role',
      'team id',
      'team',
      'leader id',
      'leader',
      'quarters',
      'accuracy',
    ]);
    expect(rows.map((r) => [r[1], r[2], r[3]])).toEqual([
      ['person', 'u1', 'Ana Alvarez'],
      ['person', 'u3', 'Cleo Chen'],
      ['person', 'u2', 'Ben Brooks'],
      ['team', 'sales', 'Sales'],
    ]);
    const ana = rows[0] ?? [];
    // 1 − |250.50 − 300.00| / 250.50; d1 stood in Commit at 1,500.00 and never closed.
    expect(Number(ana[column('accuracy')])).toBeCloseTo(1 - 49.5 / 250.5, 9);
    expect([
      ana[column('commit deals')],
      ana[column('committed (USD)')],
      ana[column('committed won (USD)')],
    ]).toEqual(['1', '1500.00', '0.00']);
    const sales = rows[3] ?? [];
    expect([sales[column('leader id')], sales[column('members')], sales[column('own call worse')]]).toEqual([
      'u3',
      '2',
      '1',
    ]);
    expect(Number(sales[column("members' sum accuracy")])).toBeCloseTo(1 - 149.5 / 250.5, 9);

    const anaClient = await server.at('2026-05-08T09:01:00Z', 'ana');
    const own = await anaClient.inject({
      method: 'GET',
      url: '/api/calls/track-records/export?periods=2026-Q1&format=xlsx',
    });
    expect(own.headers['content-disposition']).toContain('filename="track-records-2026-Q1.xlsx"');
    const sheet = await readXlsxDownload(own, 'Track records');
    expect(sheet.rowCount).toBe(2);
    expect(sheet.getRow(2).getCell(3).value).toBe('u1');
    const accuracy = sheet.getRow(2).getCell(11);
    expect(accuracy.numFmt).toBe('0.0%');
    expect(accuracy.value).toBeCloseTo(1 - 49.5 / 250.5, 9);
  });
});
