import ICAL from 'ical.js';
import { expect, it } from 'vitest';
import { verifyLedger } from '../../../src/services/verify-ledger.js';
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

  it('keeps the engagement projections equal to a replay of the ledger', async () => {
    const report = await verifyLedger(fixture.database, { now: new Date('2026-05-01T12:00:00Z') });
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
  });
});
