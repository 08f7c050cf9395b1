import { expect, it } from 'vitest';
import { verifyLedger } from '../../../src/services/verify-ledger.js';
import { readCsvDownload, readXlsxDownload } from '../../helpers/read-download.js';
import { describeEachEngine } from '../../helpers/test-database.js';
import { useHygieneServer } from './use-hygiene-server.js';

describeEachEngine('hygiene over the API', (engine) => {
  const server = useHygieneServer(engine);

  it('answers flags, scores, trend and the pipeline as reported and adjusted, within the scope', async () => {
    const cleo = await server.as('cleo');
    const { status, body } = await cleo.get('/api/hygiene?trendWeeks=3');
    expect(status).toBe(200);
    expect(body.asOf).toBe('2026-05-12T00:00:00.000Z');
    expect(body.flags).toHaveLength(15);
    expect(body.flags[1]).toEqual({
      deal: 'h1',
      dealName: 'Acme',
      owner: 'u1',
      ownerName: 'Ana Alvarez',
      rule: 'pushed-repeatedly',
      severity: 'high',
      evidence: 'pushed 3 times: 2026-03-31 → 2026-04-30 → 2026-05-31 → 2026-06-30',
      since: '2026-05-01T10:00:00.000Z',
      amount: '1000.00',
    });
    expect(body.scores.total).toEqual({
      score: 32.5,
      openDeals: 5,
      flaggedDeals: 5,
      openValue: '5700.00',
      flaggedValue: '3850.00',
    });
    expect(
      body.scores.owners.map((o: { ownerName: string; teamName: string; score: number }) => [
        o.ownerName,
        o.teamName,
        o.score,
      ]),
    ).toEqual([
      ['Ana Alvarez', 'East', 18.8],
      ['Ben Brooks', 'West', 50],
    ]);
    // 2026-Q2: Initech (no amount, close date past) and Acme (pushed 3 times) are stale.
    expect(body.pipeline).toEqual({
      period: '2026-Q2',
      reported: {
        Pipeline: { deals: 3, amount: '2200.00' },
        'Best Case': { deals: 1, amount: '500.00' },
        Commit: { deals: 1, amount: '2000.00' },
      },
      adjusted: {
        Pipeline: { deals: 1, amount: '1200.00' },
        'Best Case': { deals: 1, amount: '500.00' },
        Commit: { deals: 1, amount: '2000.00' },
      },
      difference: '1000.00',
      byRule: [
        { rule: 'close-date-past', deals: 1, amount: '0.00' },
        { rule: 'pushed-repeatedly', deals: 1, amount: '1000.00' },
      ],
    });
    expect(body.trend.map((t: { asOf: string }) => t.asOf)).toEqual([
      '2026-04-28T00:00:00.000Z',
      '2026-05-05T00:00:00.000Z',
      '2026-05-12T00:00:00.000Z',
    ]);
    expect(body.trend[2].score).toBe(32.5);
    expect(body.deals[0]).toMatchObject({ deal: 'h3', level: 'high', risk: 3 });

    const ana = await server.as('ana');
    const own = (await ana.get('/api/hygiene?trendWeeks=0')).body;
    expect([...new Set(own.flags.map((f: { deal: string }) => f.deal))]).toEqual(['h1', 'h3', 'h5']);
    expect(own.scores.total.score).toBe(18.8);
    // Ana may not look at Ben's deals by naming him: she gets her scope cut to nothing.
    expect((await ana.get('/api/hygiene?owner=u2&trendWeeks=0')).body.flags).toEqual([]);
    expect((await cleo.get('/api/hygiene?team=west&trendWeeks=0')).body.scores.total.score).toBe(50);
    expect((await cleo.get('/api/hygiene?team=nowhere')).status).toBe(404);
  });

  it('answers one deal’s inspection: flags, risk, stays against the usual, pushes', async () => {
    const cleo = await server.as('cleo');
    const { status, body } = await cleo.get('/api/hygiene/deals/h1');
    expect(status).toBe(200);
    expect(body.risk).toEqual({
      points: 1.5,
      level: 'high',
      summary: 'High risk: 2 flags, serious: pushed-repeatedly.',
    });
    expect(body.points.map((p: { closeDate: string; kind: string }) => [p.kind, p.closeDate])).toEqual([
      ['created', '2026-03-31'],
      ['pushed', '2026-04-30'],
      ['pushed', '2026-05-31'],
      ['pushed', '2026-06-30'],
    ]);
    expect(body.stays).toEqual([
      {
        stage: 'Prospecting',
        enteredAt: '2026-01-05T10:00:00.000Z',
        leftAt: null,
        days: 126.6,
        usualDays: 80.3,
        limitDays: 60,
      },
    ]);
    expect(body.activities).toEqual([
      { type: 'call', subject: 'Call about h1', occurredAt: '2026-04-25T09:00:00.000Z' },
    ]);
    expect((await (await server.as('ana')).get('/api/hygiene/deals/h2')).status).toBe(404);
  });

  it('lists a period for inspection by risk, with what changed since a week before', async () => {
    const cleo = await server.as('cleo');
    const { status, body } = await cleo.get('/api/hygiene/inspection?period=2026-Q2');
    expect(status).toBe(200);
    expect(body.deals.map((d: { deal: string; risk: number }) => [d.deal, d.risk])).toEqual([
      ['h3', 3],
      ['h4', 1.75],
      ['h1', 1.5],
      ['h5', 1],
      ['h2', 0.75],
      ['h6', 0.5],
    ]);
    // A week before (5 May, from what was known then), Hooli stood at 800.00 and Stark was open.
    const changes = Object.fromEntries(
      body.deals.map((d: { deal: string; changes: unknown }) => [d.deal, d.changes]),
    );
    expect(changes.h5).toEqual([{ kind: 'amount-up', text: 'amount 800.00 → 1200.00' }]);
    expect(changes.h6).toEqual([{ kind: 'won', text: 'won' }]);
    expect(changes.h1).toEqual([]);
    expect(body.summary).toMatchObject({ 'amount-up': 1, won: 1, new: 0, slipped: 0 });
  });

  it('exports the flags, the scores and the inspection each caller sees, as CSV and XLSX', async () => {
    const cleo = await server.as('cleo');
    const csv = await cleo.inject({ method: 'GET', url: '/api/hygiene/export?period=2026-Q2' });
    expect([csv.statusCode, csv.headers['content-type']]).toEqual([200, 'text/csv; charset=utf-8']);
    expect(csv.headers['content-disposition']).toContain(
      'filename="hygiene-flags-as-of-2026-05-12T00-00-00Z.csv"',
    );
    const [header = [], ...flags] = readCsvDownload(csv.body);
    expect(header).toEqual([
      'deal id',
      'deal',
      'owner id',
      'owner',
      'rule',
      'severity',
      'evidence',
      'since',
      'amount (USD)',
    ]);
    expect(flags).toHaveLength(15);
    expect(flags[1]).toEqual([
      'h1',
      'Acme',
      'u1',
      'Ana Alvarez',
      'pushed-repeatedly',
      'high',
      'pushed 3 times: 2026-03-31 → 2026-04-30 → 2026-05-31 → 2026-06-30',
      '2026-05-01T10:00:00.000Z',
      '1000.00',
    ]);
    const ana = await server.as('ana');
    const own = readCsvDownload((await ana.get('/api/hygiene/export')).body as string);
    expect([...new Set(own.slice(1).map((r) => r[0]))]).toEqual(['h1', 'h3', 'h5']);

    const scores = await cleo.inject({ method: 'GET', url: '/api/hygiene/scores/export?format=xlsx' });
    expect(scores.headers['content-disposition']).toContain(
      'filename="hygiene-scores-as-of-2026-05-12T00-00-00Z.xlsx"',
    );
    const sheet = await readXlsxDownload(scores, 'Hygiene scores');
    const rows = sheet.getSheetValues().slice(2) as unknown[][];
    expect(rows.map((r) => [r[1], r[2], r[3], r[6]])).toEqual([
      ['all', undefined, undefined, 32.5],
      ['team', 'east', 'East', 18.8],
      ['team', 'sales', 'Sales', 32.5],
      ['team', 'west', 'West', 50],
      ['owner', 'u1', 'Ana Alvarez', 18.8],
      ['owner', 'u2', 'Ben Brooks', 50],
    ]);
    const openValue = sheet.getRow(2).getCell(9);
    expect([openValue.value, openValue.numFmt]).toEqual([5700, '#,##0.00']);
    const anaScores = readCsvDownload((await ana.get('/api/hygiene/scores/export')).body as string);
    expect(anaScores.slice(1).map((r) => [r[0], r[1], r[5]])).toEqual([
      ['all', '', '18.8'],
      ['team', 'east', '18.8'],
      ['team', 'sales', '18.8'],
      ['owner', 'u1', '18.8'],
    ]);

    const inspection = await cleo.inject({
      method: 'GET',
      url: '/api/hygiene/inspection/export?period=2026-Q2&format=xlsx',
    });
    expect(inspection.headers['content-disposition']).toContain(
      'filename="inspection-2026-Q2-as-of-2026-05-12T00-00-00Z.xlsx"',
    );
    const deals = await readXlsxDownload(inspection, 'Inspection');
    expect(deals.getRow(1).values).toEqual([
      undefined,
      'period',
      'deal id',
      'deal',
      'owner id',
      'owner',
      'stage',
      'forecast category',
      'closed',
      'close date',
      'amount (USD)',
      'risk',
      'risk level',
      'risk summary',
      'flags',
      'since last week',
    ]);
    expect(deals.getColumn(2).values.slice(2)).toEqual(['h3', 'h4', 'h1', 'h5', 'h2', 'h6']);
    const hooli = deals.getRow(5);
    expect([hooli.getCell(9).value, hooli.getCell(10).value, hooli.getCell(15).value]).toEqual([
      new Date('2026-06-15T00:00:00Z'),
      1200,
      'amount 800.00 → 1200.00',
    ]);
    const anaInspection = readCsvDownload(
      (await ana.get('/api/hygiene/inspection/export?period=2026-Q2')).body as string,
    );
    expect(anaInspection.slice(1).map((r) => r[1])).toEqual(['h3', 'h1', 'h5']);
    expect((await cleo.get('/api/hygiene/export?team=nowhere')).status).toBe(404);
  });

  it('lets an admin set a rule, recorded in the ledger, and refuses what makes no sense', async () => {
    const ada = await server.as('ada');
    const changed = await ada.send('PATCH', '/api/admin/hygiene-rules/pushed-repeatedly', {
      severity: 'medium',
      thresholds: { pushes: 4 },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      rule: 'pushed-repeatedly',
      severity: 'medium',
      thresholds: { pushes: 4 },
      enabled: true,
    });
    const cleo = await server.as('cleo');
    // The rule as changed applies from now on (the app's clock is 12 May 00:00).
    const after = (await cleo.get('/api/hygiene?asOf=2026-05-12T00:00:01Z&trendWeeks=0')).body;
    expect(after.flags.some((f: { rule: string }) => f.rule === 'pushed-repeatedly')).toBe(false);
    const before = (await cleo.get('/api/hygiene?asOf=2026-05-11T23:00:00Z&trendWeeks=0')).body;
    expect(before.flags.some((f: { rule: string }) => f.rule === 'pushed-repeatedly')).toBe(true);

    const unknown = await ada.send('PATCH', '/api/admin/hygiene-rules/vibes', { enabled: false });
    expect(unknown.status).toBe(404);
    const bad = await ada.send('PATCH', '/api/admin/hygiene-rules/no-activity', { thresholds: { weeks: 3 } });
    expect(bad.status).toBe(400);
    expect(bad.body.detail).toBe("the rule no-activity has no threshold 'weeks'");
    const range = await ada.send('PATCH', '/api/admin/hygiene-rules/no-activity', {
      thresholds: { days: 0 },
    });
    expect(range.status).toBe(400);
    // The setting is a ledger event; its projection verifies like every other.
    const report = await verifyLedger(server.database, { now: new Date('2026-05-12T00:00:00Z') });
    expect(report.ok).toBe(true);
    const list = await ada.get('/api/admin/hygiene-rules');
    expect(list.body.rules).toHaveLength(10);
    expect((await cleo.get('/api/admin/hygiene-rules')).status).toBe(403);
  });

  it('refuses at the door to move a deal into a stage whose required fields are missing', async () => {
    const ana = await server.as('ana');
    const refused = await ana.send('PATCH', '/api/opportunities/h1', { stage: 'Negotiation/Review' });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({
      code: 'stage-requirements-missing',
      detail: 'the stage Negotiation/Review needs: Economic buyer',
    });
    const accepted = await ana.send('PATCH', '/api/opportunities/h1', {
      stage: 'Negotiation/Review',
      fields: { economicBuyer: 'Dana Diaz' },
    });
    expect(accepted.status).toBe(200);
    // Umbrella came in by import in that stage without one: not refused, but flagged.
    const flags = (await ana.get('/api/hygiene?trendWeeks=0')).body.flags;
    expect(flags.filter((f: { rule: string }) => f.rule === 'missing-required-fields')).toEqual([]);
    const cleo = await server.as('cleo');
    const all = (await cleo.get('/api/hygiene?trendWeeks=0')).body.flags;
    expect(
      all
        .filter((f: { rule: string }) => f.rule === 'missing-required-fields')
        .map((f: { deal: string }) => f.deal),
    ).toEqual(['h4']);
  });
});
