import { expect, it } from 'vitest';
import { readCsvDownload, readXlsxDownload } from '../../helpers/read-download.js';
import { signIn } from '../../helpers/sign-in.js';
import { describeEachEngine } from '../../helpers/test-database.js';
import { useScorecardServer } from './use-scorecard-server.js';

const quotaHeader = [
  'period',
  'type',
  'id',
  'name',
  'parent team id',
  'depth',
  'team ids',
  'quota (USD)',
  'sum of its people (USD)',
  'people with a quota',
  'difference (USD)',
  'effective quota (USD)',
  'effective from',
];

describeEachEngine('quota and target exports on a hand-built quarter', (engine) => {
  const server = useScorecardServer(engine);

  it('exports the quotas each caller sees: teams in tree order, then people, in the corporate currency', async () => {
    const ada = await signIn(server.app, 'ada@score.test');
    const csv = await ada.get('/api/quotas/export?period=2026-Q1&format=csv');
    expect([csv.status, csv.type]).toEqual([200, 'text/csv; charset=utf-8']);
    expect(readCsvDownload(String(csv.body))).toEqual([
      quotaHeader,
      [
        '2026-Q1',
        'team',
        'sales',
        'Sales',
        '',
        '0',
        '',
        '4000.00',
        '3200.00',
        '2',
        '800.00',
        '4000.00',
        'team',
      ],
      ['2026-Q1', 'team', 'east', 'East', 'sales', '1', '', '', '1000.00', '1', '', '1000.00', 'members'],
      ['2026-Q1', 'team', 'west', 'West', 'sales', '1', '', '', '2200.00', '1', '', '2200.00', 'members'],
      ['2026-Q1', 'person', 'u6', 'Ada Admin', '', '', 'sales', '', '', '', '', '', ''],
      ['2026-Q1', 'person', 'u1', 'Ana Alvarez', '', '', 'east', '1000.00', '', '', '', '', ''],
      ['2026-Q1', 'person', 'u2', 'Ben Brooks', '', '', 'west', '2200.00', '', '', '', '', ''],
      ['2026-Q1', 'person', 'u3', 'Cleo Chen', '', '', 'sales', '', '', '', '', '', ''],
    ]);

    // A rep gets what GET /api/quotas shows them: their own quota and their team's.
    const ana = await signIn(server.app, 'ana@score.test');
    const own = await ana.inject({ method: 'GET', url: '/api/quotas/export?period=2026-Q1&format=xlsx' });
    expect(own.statusCode).toBe(200);
    expect(own.headers['content-disposition']).toContain('filename="quotas-2026-Q1.xlsx"');
    const sheet = await readXlsxDownload(own, 'Quotas');
    expect(sheet.rowCount).toBe(3);
    expect([2, 3].map((n) => sheet.getRow(n).getCell(3).value)).toEqual(['east', 'u1']);
    const quota = sheet.getRow(3).getCell(8);
    expect([quota.value, quota.numFmt]).toEqual([1000, '#,##0.00']);

    const cleo = await signIn(server.app, 'cleo@score.test');
    const listed = (await cleo.get('/api/quotas?period=2026-Q1')).body as {
      teams: { teamId: string }[];
      people: { userId: string }[];
    };
    const team = readCsvDownload(String((await cleo.get('/api/quotas/export?period=2026-Q1')).body));
    expect(team.slice(1).map((r) => r[2])).toEqual([
      ...listed.teams.map((t) => t.teamId),
      ...listed.people.map((p) => p.userId),
    ]);
    // Cleo manages Sales, where every person of this organisation holds a role.
    expect(listed.people.map((p) => p.userId)).toEqual(['u6', 'u1', 'u2', 'u3']);

    expect((await ana.get('/api/quotas/export?period=2026-Q5')).status).toBe(400);
    expect((await ana.get('/api/quotas/export?period=2026-Q1&format=pdf')).status).toBe(400);
    expect(
      (await server.app.inject({ method: 'GET', url: '/api/quotas/export?period=2026-Q1' })).statusCode,
    ).toBe(401);
  });

  it('exports every role’s targets, as set or by default, to anyone signed in', async () => {
    const ada = await signIn(server.app, 'ada@score.test');
    const listed = (await ada.get('/api/targets')).body as {
      targets: { role: string; indicator: string; value: string; source: string }[];
    };
    const ana = await signIn(server.app, 'ana@score.test');
    const csv = await ana.get('/api/targets/export');
    expect([csv.status, csv.type]).toEqual([200, 'text/csv; charset=utf-8']);
    const [header, ...rows] = readCsvDownload(String(csv.body));
    expect(header).toEqual(['role', 'indicator', 'label', 'unit', 'target', 'source', 'default']);
    expect(rows.map((r) => [r[0], r[1], r[4], r[5]])).toEqual(
      listed.targets.map((t) => [t.role, t.indicator, String(Number(t.value)), t.source]),
    );
    expect(rows.find((r) => r[0] === 'rep' && r[1] === 'win_rate')?.slice(2)).toEqual([
      'Win rate',
      'share',
      expect.any(String),
      expect.any(String),
      '0.25',
    ]);

    const xlsx = await ana.inject({ method: 'GET', url: '/api/targets/export?format=xlsx' });
    expect(xlsx.headers['content-disposition']).toMatch(/filename="targets-as-of-[0-9T-]+Z\.xlsx"/);
    const sheet = await readXlsxDownload(xlsx, 'Targets');
    expect(sheet.rowCount).toBe(rows.length + 1);
    expect(typeof sheet.getRow(2).getCell(5).value).toBe('number');
  });
});
