import { expect, it } from 'vitest';
import { everything } from '../../../src/services/access.js';
import { getQuotas } from '../../../src/services/quotas/get-quotas.js';
import { getScorecards } from '../../../src/services/scorecards/get-scorecards.js';
import type { ReportCard } from '../../../src/services/scorecards/scorecard-report.js';
import { runVerification } from '../../../src/services/run-verification.js';
import { readCsvDownload, readXlsxDownload } from '../../helpers/read-download.js';
import { signIn } from '../../helpers/sign-in.js';
import { describeEachEngine } from '../../helpers/test-database.js';
import { scorecardNow } from './scorecard-history.js';
import { useScorecardServer } from './use-scorecard-server.js';

const indicator = (card: ReportCard | undefined, key: string) => card?.indicators.find((i) => i.key === key);

describeEachEngine('scorecards and quotas on a hand-built quarter', (engine) => {
  const server = useScorecardServer(engine);

  it('lays out quotas by person and team, a team quota set on its own beside the sum of its people', async () => {
    const report = await getQuotas(server.database, { period: '2026-Q1', scope: everything });
    expect(report.people.map((p) => [p.name, p.quota])).toEqual([
      ['Ada Admin', null],
      ['Ana Alvarez', '1000.00'],
      ['Ben Brooks', '2200.00'],
      ['Cleo Chen', null],
    ]);
    expect(
      report.teams.map((t) => [t.name, t.own, t.membersSum, t.difference, t.effective, t.effectiveSource]),
    ).toEqual([
      ['Sales', '4000.00', '3200.00', '800.00', '4000.00', 'team'],
      ['East', null, '1000.00', null, '1000.00', 'members'],
      ['West', null, '2200.00', null, '2200.00', 'members'],
    ]);
    expect(report.set.find((s) => s.subjectId === 'u2')).toMatchObject({
      amount: '2000.00',
      currency: 'EUR',
    });
  });

  it("computes each rep's card by hand-checked numbers", async () => {
    const report = await getScorecards(server.database, {
      period: '2026-Q1',
      scope: everything,
      now: scorecardNow,
    });
    expect(report.elapsedShare).toBe(0.5);
    expect(report.periods).toEqual(['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1']);
    const ana = report.people.find((p) => p.subjectId === 'u1');
    // 300.00 booked of 1000.00: 30 %, against 50 % of the quarter gone: pace 0.6, off track.
    expect(ana).toMatchObject({
      quota: '1000.00',
      bookings: '300.00',
      attainment: 0.3,
      pace: 0.6,
      status: 'off-track',
    });
    expect(indicator(ana, 'win_rate')).toMatchObject({ value: 1, dealIds: ['d1'] });
    expect(indicator(ana, 'sales_cycle_days')?.value).toBe(31);
    expect(indicator(ana, 'pipeline_created')).toMatchObject({ value: '850.00', dealIds: ['d1', 'd2'] });
    // Open d2 (550.00 USD) over the 700.00 still to go.
    expect(indicator(ana, 'coverage')).toMatchObject({
      value: 0.785714,
      dealIds: ['d2'],
      status: 'off-track',
    });
    expect(indicator(ana, 'deals_advanced')).toMatchObject({ value: 1, dealIds: ['d1'] });
    expect(indicator(ana, 'meetings')).toMatchObject({ value: 1, activityIds: ['a1'] });
    expect(indicator(ana, 'bookings')?.trend).toEqual(['0.00', '0.00', '0.00', '0.00', '300.00']);
    expect(ana?.conversions.map((c) => [c.stage, c.entered, c.advanced])).toEqual([
      ['Prospecting', 2, 1],
      ['Proposal', 1, 1],
    ]);
    const ben = report.people.find((p) => p.subjectId === 'u2');
    // 1000.00 of 2200.00 (2000.00 EUR at 1.1): 45.45 %, pace 0.909: at risk.
    expect(ben).toMatchObject({
      quota: '2200.00',
      bookings: '1000.00',
      attainment: 0.454545,
      pace: 0.909091,
      status: 'at-risk',
    });
    expect(indicator(ben, 'win_rate')).toMatchObject({ value: 0.5, dealIds: ['d3', 'd4'] });
    expect(indicator(ben, 'average_deal_size')?.value).toBe('1000.00');
    expect(indicator(ben, 'sales_cycle_days')?.value).toBe(26);
    expect(indicator(ben, 'meetings')?.value).toBe(0);
  });

  it("measures a team against its own quota, and a team without one against its people's", async () => {
    const report = await getScorecards(server.database, {
      period: '2026-Q1',
      scope: everything,
      now: scorecardNow,
    });
    const sales = report.teams.find((t) => t.subjectId === 'sales');
    expect(sales).toMatchObject({
      quota: '4000.00',
      quotaSource: 'set',
      bookings: '1300.00',
      attainment: 0.325,
      headcount: 2,
    });
    expect(indicator(sales, 'coverage')?.value).toBe(0.203704);
    expect(indicator(sales, 'bookings')?.dealIds).toEqual(['d1', 'd4']);
    const east = report.teams.find((t) => t.subjectId === 'east');
    expect(east).toMatchObject({ quota: '1000.00', quotaSource: 'members', bookings: '300.00' });
  });

  it('prorates the quarter quota into a week', async () => {
    // 2026-W06 is 2026-02-02 to 02-09: 7 of the quarter's 90 days, 1000.00 × 7 / 90 = 77.78.
    const report = await getScorecards(server.database, {
      period: '2026-W06',
      scope: everything,
      now: scorecardNow,
      ownerId: 'u1',
    });
    expect(report.teams).toEqual([]);
    expect(report.people[0]).toMatchObject({
      quota: '77.78',
      quotaSource: 'prorated',
      bookings: '300.00',
      status: 'on-track',
    });
  });

  it('shows each caller only the cards of people and teams wholly in their scope', async () => {
    const ana = await signIn(server.app, 'ana@score.test');
    const own = await ana.get('/api/scorecards?period=2026-Q1');
    expect(own.status).toBe(200);
    const body = own.body as { people: ReportCard[]; teams: ReportCard[] };
    expect(body.people.map((p) => p.subjectId)).toEqual(['u1']);
    expect(body.teams.map((t) => t.subjectId)).toEqual(['east']);
    const cleo = await signIn(server.app, 'cleo@score.test');
    const team = (await cleo.get('/api/scorecards?period=2026-Q1')).body as {
      people: ReportCard[];
      teams: ReportCard[];
    };
    expect(team.people.map((p) => p.subjectId)).toEqual(['u1', 'u2']);
    expect(team.teams.map((t) => t.subjectId)).toEqual(['sales', 'east', 'west']);
    const quotas = (await ana.get('/api/quotas?period=2026-Q1')).body as {
      people: unknown[];
      teams: { teamId: string }[];
    };
    expect(quotas.people).toHaveLength(1);
    expect(quotas.teams.map((t) => t.teamId)).toEqual(['east']);
  });

  it('exports the cards each caller sees, with every indicator, as CSV and XLSX', async () => {
    const cleo = await signIn(server.app, 'cleo@score.test');
    const csv = await cleo.get('/api/scorecards/export?period=2026-Q1&format=csv');
    expect([csv.status, csv.type]).toEqual([200, 'text/csv; charset=utf-8']);
    const [header = [], ...rows] = readCsvDownload(String(csv.body));
    expect(header.slice(0, 13)).toEqual([
      'period',
      'type',
      'id',
      'name',
      'teams',
      'targets of role',
      'headcount',
      'quota (USD)',
      'quota source',
      'bookings (USD)',
      'attainment',
      'pace',
      'status',
    ]);
    expect(rows.map((r) => r[2])).toEqual(['sales', 'east', 'west', 'u1', 'u2']);
    const column = (name: string) => header.indexOf(name);
    const ana = rows[3] ?? [];
    expect([ana[7], ana[9], ana[10], ana[11], ana[12]]).toEqual([
      '1000.00',
      '300.00',
      '0.3',
      '0.6',
      'off-track',
    ]);
    expect(column('Win rate status')).toBeGreaterThan(column('Win rate'));
    expect(ana[column('Win rate')]).toBe('1');

    const ana2 = await signIn(server.app, 'ana@score.test');
    const own = await ana2.inject({
      method: 'GET',
      url: '/api/scorecards/export?period=2026-Q1&format=xlsx',
    });
    expect(own.headers['content-disposition']).toContain('filename="scorecards-2026-Q1.xlsx"');
    const sheet = await readXlsxDownload(own, 'Scorecards');
    expect(sheet.rowCount).toBe(3);
    expect([sheet.getRow(2).getCell(3).value, sheet.getRow(3).getCell(3).value]).toEqual(['east', 'u1']);
    const attainment = sheet.getRow(3).getCell(11);
    expect([attainment.value, attainment.numFmt]).toEqual([0.3, '0.0%']);
    expect(sheet.getRow(3).getCell(8).value).toBe(1000);

    const bad = await cleo.get('/api/scorecards/export?period=2026-Q1&format=pdf');
    expect(bad.status).toBe(400);
  });

  it('lets an admin set and clear quotas and targets as ledger events the verifier replays', async () => {
    const ada = await signIn(server.app, 'ada@score.test');
    const set = await ada.send('PUT', '/api/quotas', {
      subjectType: 'team',
      subjectId: 'west',
      period: '2026-Q1',
      amount: '2500.00',
    });
    expect(set.status).toBe(200);
    const west = (
      set.body as { teams: { teamId: string; own: string | null; difference: string | null }[] }
    ).teams.find((t) => t.teamId === 'west');
    expect(west).toMatchObject({ own: '2500.00', difference: '300.00' });
    const bad = await ada.send('PUT', '/api/quotas', {
      subjectType: 'user',
      subjectId: 'nobody',
      period: '2026-Q1',
      amount: '1',
    });
    expect(bad.status).toBe(404);
    const cleared = await ada.send('DELETE', '/api/quotas', {
      subjectType: 'team',
      subjectId: 'west',
      period: '2026-Q1',
    });
    expect(cleared.status).toBe(200);
    const target = await ada.send('PUT', '/api/targets', {
      role: 'rep',
      indicator: 'meetings_per_week',
      value: '2',
    });
    expect(target.status).toBe(200);
    const targets = (
      target.body as { targets: { role: string; indicator: string; value: string; source: string }[] }
    ).targets;
    expect(targets.find((t) => t.role === 'rep' && t.indicator === 'meetings_per_week')).toMatchObject({
      value: '2',
      source: 'set',
    });
    // With 2 meetings a week, Ana's one meeting in 45/7 weeks is far behind.
    const report = await getScorecards(server.database, {
      period: '2026-Q1',
      scope: everything,
      now: scorecardNow,
      ownerId: 'u1',
    });
    expect(indicator(report.people[0], 'meetings')).toMatchObject({
      expected: 12.857143,
      status: 'off-track',
    });
    const verification = await runVerification(server.database, { now: scorecardNow });
    expect(verification.problems).toEqual([]);
    expect(verification.ok).toBe(true);
    await ada.send('PUT', '/api/targets', { role: 'rep', indicator: 'meetings_per_week', value: null });
  });
});
