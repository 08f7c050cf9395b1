import ICAL from 'ical.js';
import { expect, it } from 'vitest';
import { verifyLedger } from '../../../src/services/verify-ledger.js';
import { readCsvDownload, readXlsxDownload } from '../../helpers/read-download.js';
import { describeEachEngine } from '../../helpers/test-database.js';
import { useVoiceFixture } from '../insights/voice-fixture.js';

describeEachEngine('executive engagement through the API', (engine) => {
  const fixture = useVoiceFixture(engine);

  it('lets an admin name an executive, and only an executive, as sponsor', async () => {
    const ada = fixture.as('ada');
    const refused = await ada.send('PATCH', '/api/engagement/accounts/a2', { sponsorId: 'u1' });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([
      { where: 'sponsorId', value: 'u1', reason: 'not an active executive' },
    ]);
    const set = await ada.send('PATCH', '/api/engagement/accounts/a2', {
      strategicTag: true,
      sponsorId: 'u7',
      cadence: 'quarterly',
    });
    expect(set.body).toEqual({ strategicTag: true, sponsorId: 'u7', cadence: 'quarterly' });
  });

  it('classifies logged meetings and reports planned against fire drills and the deals afterwards', async () => {
    const eve = fixture.as('eve');
    // d1's close date on 2026-03-20 was 2026-03-31: 11 days, a fire drill.
    const drill = await eve.send('POST', '/api/engagement/meetings', {
      opportunityId: 'd1',
      title: 'Save the renewal',
      startsAt: '2026-03-20T15:00:00Z',
      planned: false,
      attendeeIds: ['u7', 'u1'],
      outcome: 'Price lock offered',
    });
    expect(drill.status).toBe(201);
    expect(drill.body).toMatchObject({ accountId: 'a1', status: 'held', planned: false });
    // d6 then closed on 2026-03-05: 32 days away, merely unplanned.
    await eve.send('POST', '/api/engagement/meetings', {
      opportunityId: 'd6',
      title: 'Intro',
      startsAt: '2026-02-01T15:00:00Z',
      planned: false,
      attendeeIds: ['u7'],
    });
    // A planned review in the future is scheduled, not held.
    const review = await eve.send('POST', '/api/engagement/meetings', {
      accountId: 'a2',
      title: 'Quarterly business review',
      startsAt: '2026-06-10T15:00:00Z',
      durationMinutes: 90,
      planned: true,
      attendeeIds: ['u7', 'u2'],
      externalAttendees: ['CFO of Globex'],
    });
    expect(review.body).toMatchObject({ status: 'scheduled', planned: true });
    const heldInFuture = await eve.send('POST', '/api/engagement/meetings', {
      accountId: 'a2',
      title: 'Not yet',
      startsAt: '2026-06-11T15:00:00Z',
      status: 'held',
      planned: true,
    });
    expect(heldInFuture.status).toBe(400);
    // Lose d1 afterwards: the fire drill did not save it.
    await fixture
      .as('ana')
      .send('PATCH', '/api/opportunities/d1', { stage: 'Closed Lost', lossReason: 'Price' });

    const report = (await eve.get('/api/engagement/report?period=2026-Q1')).body;
    expect(report.total).toEqual({ planned: 0, fireDrill: 1, unplanned: 1 });
    expect(report.fireDrillShare).toBe(1);
    expect(report.bySponsor).toEqual([
      { executiveId: 'u7', name: 'Eve Exec', planned: 0, fireDrill: 1, unplanned: 1 },
    ]);
    expect(report.byPeriod.at(-1)).toEqual({ period: '2026-Q1', planned: 0, fireDrill: 1, unplanned: 1 });
    expect(report.afterwards.fireDrill).toEqual({
      deals: 1,
      won: 0,
      wonValue: '0.00',
      lost: 1,
      lostValue: '1500.00',
      slipped: 0,
      open: 0,
    });
  });

  it('plans the period for the critical accounts and shows coverage', async () => {
    const plan = (await fixture.as('eve').get('/api/engagement/plan?period=2026-Q2')).body;
    // Scores: Globex 0.35 (the largest open pipeline) + 0.15 (tagged) = 50; Acme nothing won or open = 0.
    expect(
      plan.scores.map((s: { accountId: string; score: number; critical: boolean }) => [
        s.accountId,
        s.score,
        s.critical,
      ]),
    ).toEqual([
      ['a2', 50, true],
      ['a1', 0, false],
    ]);
    expect(plan.accounts).toEqual([
      expect.objectContaining({
        accountId: 'a2',
        sponsorName: 'Eve Exec',
        openPipeline: '2000.00',
        dueDays: ['2026-04-01'],
        scheduled: 1,
        held: 0,
        status: 'scheduled',
      }),
    ]);
    expect(plan.coverage).toEqual({
      strategicAccounts: 1,
      due: 1,
      planned: 1,
      held: 0,
      overdue: 0,
      withoutSponsor: 0,
      coverage01: 1,
    });
    // With the threshold above Globex's score, nothing is critical.
    await fixture
      .as('ada')
      .send('PATCH', '/api/engagement/settings', { selection: 'threshold', minScore: 60 });
    expect((await fixture.as('eve').get('/api/engagement/plan?period=2026-Q2')).body.accounts).toEqual([]);
    await fixture.as('ada').send('PATCH', '/api/engagement/settings', { selection: 'top' });
  });

  it("exports the sponsor's scheduled reviews as iCalendar that a real parser reads", async () => {
    const answer = await fixture
      .as('eve')
      .inject({ method: 'GET', url: '/api/engagement/sponsors/u7/calendar.ics' });
    expect(answer.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const calendar = new ICAL.Component(ICAL.parse(answer.body) as unknown[]);
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(
      events.map((e) => [
        e.summary,
        e.startDate.toJSDate().toISOString(),
        e.endDate.toJSDate().toISOString(),
      ]),
    ).toEqual([
      ['Quarterly business review — Globex', '2026-06-10T15:00:00.000Z', '2026-06-10T16:30:00.000Z'],
    ]);
    expect(events[0]?.uid).toMatch(/^mtg-[a-z2-9]{10}@candor$/);
    expect((await fixture.as('eve').get('/api/engagement/sponsors/u1/calendar.ics')).status).toBe(404);
  });

  it('shows an account with its programme and meetings', async () => {
    const account = (await fixture.as('ben').get('/api/accounts/a2')).body;
    expect(account).toMatchObject({ name: 'Globex', segment: 'Enterprise', programme: { sponsorId: 'u7' } });
    expect(account.meetings.map((m: { title: string }) => m.title)).toEqual([
      'Quarterly business review',
      'Intro',
    ]);
    expect((await fixture.as('ana').get('/api/accounts/a2')).status).toBe(404);
  });

  it('exports the plan, the meetings reported and an account’s meetings each caller sees', async () => {
    const plan = await fixture
      .as('eve')
      .inject({ method: 'GET', url: '/api/engagement/plan/export?period=2026-Q2' });
    expect([plan.statusCode, plan.headers['content-type']]).toEqual([200, 'text/csv; charset=utf-8']);
    expect(plan.headers['content-disposition']).toContain('filename="engagement-plan-2026-Q2.csv"');
    const [header = [], ...accounts] = readCsvDownload(plan.body);
    expect(header).toEqual([
      'period',
      'account id',
      'account',
      'strategic tag',
      'score (2025-Q2–2026-Q1)',
      'won (USD)',
      'open pipeline (USD)',
      'growth',
      'sponsor id',
      'sponsor',
      'cadence',
      'reviews due',
      'scheduled',
      'held',
      'status',
    ]);
    expect(accounts).toEqual([
      [
        '2026-Q2',
        'a2',
        'Globex',
        'yes',
        '50',
        '0.00',
        '2000.00',
        '0',
        'u7',
        'Eve Exec',
        'quarterly',
        '2026-04-01',
        '1',
        '0',
        'scheduled',
      ],
    ]);
    const planXlsx = await fixture
      .as('eve')
      .inject({ method: 'GET', url: '/api/engagement/plan/export?period=2026-Q2&format=xlsx' });
    const planSheet = await readXlsxDownload(planXlsx, 'Strategic accounts');
    const open = planSheet.getRow(2).getCell(7);
    expect([open.value, open.numFmt]).toEqual([2000, '#,##0.00']);
    expect(planSheet.getRow(2).getCell(8).numFmt).toBe('0.0%');
    // Globex is Ben's account: Ana's plan has nothing of it.
    const anaPlan = await fixture.as('ana').get('/api/engagement/plan/export?period=2026-Q2');
    expect(readCsvDownload(anaPlan.body as string).some((r) => r[1] === 'a2')).toBe(false);

    const report = await fixture
      .as('eve')
      .inject({ method: 'GET', url: '/api/engagement/report/export?period=2026-Q1&format=xlsx' });
    expect(report.headers['content-disposition']).toContain(
      'filename="engagement-meetings-2025-Q2-to-2026-Q1.xlsx"',
    );
    const meetings = await readXlsxDownload(report, 'Meetings');
    expect([2, 3].map((n) => [3, 5, 6, 8, 9].map((c) => meetings.getRow(n).getCell(c).value))).toEqual([
      ['a1', 'Save the renewal', 'd1', new Date('2026-03-31T00:00:00Z'), 'fire-drill'],
      ['a2', 'Intro', 'd6', new Date('2026-03-05T00:00:00Z'), 'unplanned'],
    ]);
    const anaReport = await fixture.as('ana').get('/api/engagement/report/export?period=2026-Q1');
    expect(readCsvDownload(anaReport.body as string).map((r) => r[4])).toEqual([
      'meeting',
      'Save the renewal',
    ]);

    const account = await fixture.as('ben').inject({ method: 'GET', url: '/api/accounts/a2/export' });
    expect(account.headers['content-disposition']).toContain('filename="account-a2-meetings.csv"');
    const [accountHeader = [], ...accountMeetings] = readCsvDownload(account.body);
    expect(accountHeader.slice(0, 8)).toEqual([
      'account id',
      'account',
      'meeting id',
      'starts',
      'minutes',
      'meeting',
      'status',
      'planned',
    ]);
    expect(accountMeetings.map((r) => [r[3], r[4], r[5], r[6], r[7], r[11]])).toEqual([
      ['2026-06-10T15:00:00.000Z', '90', 'Quarterly business review', 'scheduled', 'yes', 'CFO of Globex'],
      ['2026-02-01T15:00:00.000Z', '60', 'Intro', 'held', 'no', ''],
    ]);
    expect((await fixture.as('ana').get('/api/accounts/a2/export')).status).toBe(404);
  });

  it('keeps the engagement projections equal to a replay of the ledger', async () => {
    const report = await verifyLedger(fixture.database, { now: new Date('2026-05-01T12:00:00Z') });
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
  });
});
