import { expect, it } from 'vitest';
import { verifyLedger } from '../../../src/services/verify-ledger.js';
import { readCsvDownload, readXlsxDownload } from '../../helpers/read-download.js';
import { describeEachEngine } from '../../helpers/test-database.js';
import { useVoiceFixture } from './voice-fixture.js';

describeEachEngine('voice of the customer through the API', (engine) => {
  const fixture = useVoiceFixture(engine);

  it('refuses a move to Closed Lost without a loss reason, and takes one with it', async () => {
    const ana = fixture.as('ana');
    const refused = await ana.send('PATCH', '/api/opportunities/d1', { stage: 'Closed Lost' });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({
      code: 'stage-requirements-missing',
      detail: 'the stage Closed Lost needs: Loss reason',
      errors: [{ where: 'lossReason', reason: 'Loss reason is required to enter Closed Lost' }],
    });
    const blank = await ana.send('PATCH', '/api/opportunities/d1', {
      stage: 'Closed Lost',
      lossReason: '   ',
    });
    expect(blank.status).toBe(422);
    const lost = await ana.send('PATCH', '/api/opportunities/d1', {
      stage: 'Closed Lost',
      lossReason: 'Went with Rival',
    });
    expect(lost.status).toBe(200);
    // Closed today, 2026-05-01: 1,500.00 USD lost in 2026-Q2.
    expect(lost.body).toMatchObject({
      isClosed: true,
      isWon: false,
      lossReason: 'Went with Rival',
      closeDate: '2026-05-01',
    });
  });

  it('captures insights on deals and accounts the author works on, and no others', async () => {
    const mention = await fixture.as('ana').send('POST', '/api/insights', {
      opportunityId: 'd1',
      type: 'competitor-mention',
      competitor: 'Rival',
      text: 'Rival offered a three-year price lock',
      severity: 'high',
    });
    expect(mention.status).toBe(201);
    expect(mention.body).toMatchObject({
      accountId: 'a1',
      accountName: 'Acme Corp',
      opportunityName: 'Acme renewal',
      authorName: 'Ana Alvarez',
      capturedAt: '2026-05-01T12:00:00.000Z',
    });
    const request = await fixture.as('ben').send('POST', '/api/insights', {
      accountId: 'a2',
      type: 'feature-request',
      topic: 'SSO',
      text: 'Needs SAML sign-in before rollout',
    });
    expect(request.status).toBe(201);
    // Ben's deal is not Ana's to see; the viewer may see it but captures nothing.
    expect(
      (
        await fixture
          .as('ana')
          .send('POST', '/api/insights', { opportunityId: 'd7', type: 'pricing', text: 'x' })
      ).status,
    ).toBe(404);
    expect(
      (
        await fixture
          .as('vera')
          .send('POST', '/api/insights', { opportunityId: 'd7', type: 'pricing', text: 'x' })
      ).status,
    ).toBe(403);
    const unnamed = await fixture
      .as('ben')
      .send('POST', '/api/insights', { opportunityId: 'd7', type: 'competitor-mention' });
    expect(unnamed.status).toBe(400);
    expect(unnamed.body.errors).toEqual([
      { where: 'competitor', reason: 'a competitor mention names the competitor' },
    ]);
    const listed = await fixture.as('cleo').get('/api/insights?accountId=a2');
    expect(listed.body.insights.map((i: { topic: string | null }) => i.topic)).toEqual(['SSO']);
  });

  it('summarises revenue at stake over exactly what the caller may see', async () => {
    const q2 = (await fixture.as('cleo').get('/api/insights/summary?period=2026-Q2')).body;
    expect(q2.competitors).toEqual([
      {
        competitor: 'Rival',
        wonDeals: 0,
        won: '0.00',
        lostDeals: 1,
        lost: '1500.00',
        winRate: 0,
        openDeals: 0,
        open: '0.00',
        mentions: 1,
      },
    ]);
    expect(q2.lossReasons).toEqual([{ reason: 'Went with Rival', deals: 1, lost: '1500.00' }]);
    // SSO at Globex: the account's open deal d7, 2,000.00.
    expect(q2.featureRequests).toEqual([
      { topic: 'SSO', requests: 1, accounts: 1, openDeals: 1, open: '2000.00' },
    ]);
    expect(q2.trends.map((t: { period: string; lost: string }) => [t.period, t.lost])).toEqual([
      ['2025-Q3', '0.00'],
      ['2025-Q4', '0.00'],
      ['2026-Q1', '1100.00'], // d5 300.00 + d6 800.00
      ['2026-Q2', '1500.00'],
    ]);
    // Ana sees her own deals only: Ben's account and its request are not hers.
    const ana = (await fixture.as('ana').get('/api/insights/summary?period=2026-Q2')).body;
    expect(ana.featureRequests).toEqual([]);
    expect(ana.lossReasons).toEqual([{ reason: 'Went with Rival', deals: 1, lost: '1500.00' }]);
    // Segment filter: Globex is Enterprise, Acme has no segment.
    const enterprise = (
      await fixture.as('cleo').get('/api/insights/summary?period=2026-Q2&segment=Enterprise')
    ).body;
    expect(enterprise.lossReasons).toEqual([]);
    expect(enterprise.featureRequests).toHaveLength(1);
    // Team filter: West is Ben's team.
    const west = (await fixture.as('cleo').get('/api/insights/summary?period=2026-Q2&teamId=west')).body;
    expect(west.competitors).toEqual([]);
    expect(west.featureRequests.map((f: { topic: string }) => f.topic)).toEqual(['SSO']);
  });

  it('flags lost deals without a loss reason instead of refusing them', async () => {
    const q1 = (await fixture.as('cleo').get('/api/insights/summary?period=2026-Q1')).body;
    expect(q1.lossReasons).toEqual([
      { reason: '(no reason recorded)', deals: 1, lost: '800.00' },
      { reason: 'Price', deals: 1, lost: '300.00' },
    ]);
    expect(q1.lostWithoutReason).toBe(1);
    const flagged = (await fixture.as('cleo').get('/api/insights/missing-loss-reasons')).body;
    expect(flagged.deals).toEqual([
      { id: 'd6', name: 'Globex pilot', closeDate: '2026-03-05', ownerId: 'u2' },
    ]);
  });

  it('exports the digest as Markdown and CSV', async () => {
    const md = await fixture
      .as('cleo')
      .inject({ method: 'GET', url: '/api/insights/digest.md?period=2026-Q2' });
    expect(md.statusCode).toBe(200);
    expect(md.headers['content-type']).toBe('text/markdown; charset=utf-8');
    expect(md.body).toContain('| Rival | 0.00 | 1500.00 | 0 % | 0.00 |');
    expect(md.body).toContain('| SSO | 1 | 2000.00 |');
    const csv = await fixture
      .as('cleo')
      .inject({ method: 'GET', url: '/api/insights/digest.csv?period=2026-Q2&types=feature-request' });
    expect(csv.body.split('\r\n')).toEqual([
      'captured_at,type,severity,account,deal,competitor,topic,text',
      '2026-05-01T12:00:00.000Z,feature-request,medium,Globex,,,SSO,Needs SAML sign-in before rollout',
      '',
    ]);
  });

  it('exports the insights and the lost deals without a reason each caller sees, as CSV and XLSX', async () => {
    const csv = await fixture.as('cleo').inject({ method: 'GET', url: '/api/insights/export' });
    expect([csv.statusCode, csv.headers['content-type']]).toEqual([200, 'text/csv; charset=utf-8']);
    expect(csv.headers['content-disposition']).toContain('filename="insights.csv"');
    const [header = [], ...rows] = readCsvDownload(csv.body);
    expect(header).toEqual([
      'insight id',
      'captured',
      'type',
      'severity',
      'account id',
      'account',
      'deal id',
      'deal',
      'competitor',
      'topic',
      'text',
      'author id',
      'author',
    ]);
    expect(rows.map((r) => [r[2], r[4], r[5], r[6], r[7], r[9], r[12]]).sort()).toEqual([
      ['competitor-mention', 'a1', 'Acme Corp', 'd1', 'Acme renewal', '', 'Ana Alvarez'],
      ['feature-request', 'a2', 'Globex', '', '', 'SSO', 'Ben Brooks'],
    ]);
    // Ana sees her own deal's account only; a file of one account names it.
    const ana = readCsvDownload((await fixture.as('ana').get('/api/insights/export')).body as string);
    expect(ana.slice(1).map((r) => r[10])).toEqual(['Rival offered a three-year price lock']);
    const globex = await fixture
      .as('cleo')
      .inject({ method: 'GET', url: '/api/insights/export?accountId=a2&format=xlsx' });
    expect(globex.headers['content-disposition']).toContain('filename="insights-account-a2.xlsx"');
    const sheet = await readXlsxDownload(globex, 'Insights');
    expect(sheet.rowCount).toBe(2);
    expect(sheet.getRow(2).getCell(2).value).toEqual(new Date('2026-05-01T12:00:00.000Z'));

    const lost = await fixture
      .as('cleo')
      .inject({ method: 'GET', url: '/api/insights/missing-loss-reasons/export?format=xlsx' });
    expect(lost.headers['content-disposition']).toContain('filename="lost-deals-without-loss-reason.xlsx"');
    const lostSheet = await readXlsxDownload(lost, 'No loss reason');
    expect(lostSheet.getRow(1).values).toEqual([undefined, 'deal id', 'deal', 'close date', 'owner id']);
    expect(lostSheet.getRow(2).values).toEqual([
      undefined,
      'd6',
      'Globex pilot',
      new Date('2026-03-05T00:00:00Z'),
      'u2',
    ]);
    const anaLost = await fixture.as('ana').get('/api/insights/missing-loss-reasons/export');
    expect(readCsvDownload(anaLost.body as string)).toEqual([['deal id', 'deal', 'close date', 'owner id']]);
  });

  it('keeps every new projection equal to a replay of the ledger', async () => {
    const report = await verifyLedger(fixture.database, { now: new Date('2026-05-01T12:00:00Z') });
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
  });
});
