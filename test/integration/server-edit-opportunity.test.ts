import { expect, it, beforeAll } from 'vitest';
import { withTransaction } from '../../src/db/connection.js';
import { defaultStages } from '../../src/core/stage.js';
import { appendEvents } from '../../src/store/append-events.js';
import { event, roleGranted } from '../helpers/sample-events.js';
import { describeEachEngine } from '../helpers/test-database.js';
import { useServerWithHistory } from './server-history.js';

type TimelineEvent = {
  seq: string;
  kind: string;
  businessTime: string;
  recordedTime: string;
  actor: string;
  source: string;
  changes: { field: string; from: string | null; to: string | null }[];
};

describeEachEngine('PATCH /api/opportunities/:id', (engine) => {
  const server = useServerWithHistory(engine);

  beforeAll(async () => {
    // The fixture configures no stages: define Salesforce's defaults plus one with requirements.
    const negotiation = {
      name: 'Negotiation',
      order: 8,
      probability01: 0.8,
      forecastCategory: 'Commit',
      isClosed: false,
      isWon: false,
      requiredFields: ['decisionMaker', 'economicBuyer'],
      active: true,
    };
    const stageEvents = [
      ...defaultStages.map((s) => ({ ...s, requiredFields: [...s.requiredFields] })),
      negotiation,
    ].map((stage) => event('stage', stage.name, 'stage.defined', '2026-01-01T00:00:00Z', stage));
    await withTransaction(server.database, (conn) =>
      appendEvents(conn, stageEvents, { recordedTime: new Date('2026-01-01T00:00:00Z') }),
    );
  });

  it('lets ana change her own deal, and the timeline shows the change at once', async () => {
    const ana = await server.as('ana');
    const before = await ana.get('/api/opportunities/d1');
    const answer = await ana.inject({
      method: 'PATCH',
      url: '/api/opportunities/d1',
      headers: { 'x-candor-client': 'web' },
      payload: {
        amount: '1600.50',
        nextStep: 'Send the renewal quote',
        expectedLastSeq: before.body.lastSeq,
      },
    });
    expect(answer.statusCode).toBe(200);
    const deal = answer.json();
    expect(deal).toMatchObject({
      id: 'd1',
      amount: '1600.50',
      corporateAmount: '1600.50',
      nextStep: 'Send the renewal quote',
      stage: 'Negotiation/Review',
      updatedAt: '2026-05-01T12:00:00.000Z',
    });
    expect(BigInt(deal.lastSeq)).toBeGreaterThan(BigInt(before.body.lastSeq));

    const timeline = await ana.get('/api/opportunities/d1/timeline');
    const last = (timeline.body.events as TimelineEvent[]).at(-1);
    expect(last).toMatchObject({
      seq: deal.lastSeq,
      kind: 'opportunity.changed',
      businessTime: '2026-05-01T12:00:00.000Z',
      recordedTime: '2026-05-01T12:00:00.000Z',
      actor: 'u1',
      source: 'ui',
      changes: [
        { field: 'amount', from: '1500.00', to: '1600.50' },
        { field: 'nextStep', from: null, to: 'Send the renewal quote' },
      ],
    });
  });

  it("answers 404 to ana for ben's deal, exactly as for a deal that does not exist", async () => {
    const ana = await server.as('ana');
    const theirs = await ana.send('PATCH', '/api/opportunities/d2', { amount: '1.00' });
    const none = await ana.send('PATCH', '/api/opportunities/nope', { amount: '1.00' });
    expect(theirs.status).toBe(404);
    expect(theirs.body.detail).toBe("there is no opportunity 'd2'");
    expect(none.status).toBe(404);
    expect(none.body.detail).toBe("there is no opportunity 'nope'");
  });

  it('refuses vera, who only views, with 403', async () => {
    const vera = await server.as('vera');
    const answer = await vera.send('PATCH', '/api/opportunities/d1', { nextStep: 'Hello' });
    expect(answer.status).toBe(403);
    expect(answer.body.code).toBe('forbidden');
    expect((await vera.get('/api/opportunities/d1')).body.nextStep).toBe('Send the renewal quote');
  });

  it("lets cleo, who manages sales, change ben's deal; a call without the web header is from the api", async () => {
    const cleo = await server.as('cleo');
    const answer = await cleo.send('PATCH', '/api/opportunities/d2', { closeDate: '2026-06-15' });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ id: 'd2', closeDate: '2026-06-15', pushCount: 1 });
    const last = ((await cleo.get('/api/opportunities/d2/timeline')).body.events as TimelineEvent[]).at(-1);
    expect(last).toMatchObject({
      actor: 'u3',
      source: 'api',
      changes: [{ field: 'closeDate', from: '2026-02-28', to: '2026-06-15' }],
    });
  });

  it('refuses a change without the CSRF token', async () => {
    const ana = await server.as('ana');
    const answer = await server.app.inject({
      method: 'PATCH',
      url: '/api/opportunities/d1',
      headers: { cookie: ana.cookie },
      payload: { nextStep: 'Sneaky' },
    });
    expect(answer.statusCode).toBe(403);
    expect(answer.json().detail).toContain('x-csrf-token');
    expect((await ana.get('/api/opportunities/d1')).body.nextStep).toBe('Send the renewal quote');
  });

  it('refuses to enter a stage whose required fields are missing, naming each', async () => {
    const ana = await server.as('ana');
    const refused = await ana.send('PATCH', '/api/opportunities/d1', {
      stage: 'Negotiation',
      fields: { decisionMaker: 'Eve Ellis' },
    });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({
      code: 'stage-requirements-missing',
      detail: 'the stage Negotiation needs: Economic buyer',
      errors: [{ where: 'fields.economicBuyer', reason: 'Economic buyer is required to enter Negotiation' }],
    });
    const accepted = await ana.send('PATCH', '/api/opportunities/d1', {
      stage: 'Negotiation',
      fields: { decisionMaker: 'Eve Ellis', economicBuyer: 'Finn Ford' },
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({
      stage: 'Negotiation',
      probability: 0.8,
      forecastCategory: 'Commit',
      stageEnteredAt: '2026-05-01T12:00:00.000Z',
      fields: { champion: 'Dana', decisionMaker: 'Eve Ellis', economicBuyer: 'Finn Ford' },
    });
  });

  it('refuses an amount with more decimals than the currency, and an unknown stage', async () => {
    const ana = await server.as('ana');
    const decimals = await ana.send('PATCH', '/api/opportunities/d1', { amount: '1600.505' });
    expect(decimals.status).toBe(400);
    expect(decimals.body).toMatchObject({
      code: 'invalid-input',
      detail: "'1600.505' has more decimals than USD allows (2)",
      errors: [{ where: 'amount', value: '1600.505' }],
    });
    const stage = await ana.send('PATCH', '/api/opportunities/d1', { stage: 'Dreaming' });
    expect(stage.status).toBe(400);
    expect(stage.body.detail).toBe("there is no stage 'Dreaming'");
    expect((await ana.get('/api/opportunities/d1')).body.amount).toBe('1600.50');
  });

  it('refuses an edit that changes nothing, and an empty one', async () => {
    const ana = await server.as('ana');
    const same = await ana.send('PATCH', '/api/opportunities/d1', { amount: '1600.5' });
    expect(same.status).toBe(400);
    expect(same.body.detail).toBe('nothing to change: the deal already has these values');
    const empty = await ana.send('PATCH', '/api/opportunities/d1', {});
    expect(empty.status).toBe(400);
    expect(empty.body.errors[0].reason).toBe('give at least one field to change');
  });

  it('refuses an edit made on a stale copy with 409, saying who changed the deal and when', async () => {
    const ana = await server.as('ana');
    const cleo = await server.as('cleo');
    const seen = (await ana.get('/api/opportunities/d1')).body.lastSeq as string;
    expect(
      (await cleo.send('PATCH', '/api/opportunities/d1', { forecastCategory: 'Best Case' })).status,
    ).toBe(200);
    const stale = await ana.send('PATCH', '/api/opportunities/d1', {
      nextStep: 'Mine',
      expectedLastSeq: seen,
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({
      code: 'conflict',
      detail:
        'the deal d1 changed since you loaded it: Cleo Chen changed it at 2026-05-01T12:00:00.000Z. Reload it and apply your edit again.',
    });
    const fresh = (await ana.get('/api/opportunities/d1')).body;
    expect(fresh).toMatchObject({ forecastCategory: 'Best Case', forecastCategoryOverridden: true });
    const retried = await ana.send('PATCH', '/api/opportunities/d1', {
      nextStep: 'Mine',
      expectedLastSeq: fresh.lastSeq,
    });
    expect(retried.status).toBe(200);
  });

  it('lets only one of two simultaneous edits made on the same copy through', async () => {
    const ana = await server.as('ana');
    const cleo = await server.as('cleo');
    const seen = (await ana.get('/api/opportunities/d3')).body.lastSeq as string;
    const answers = await Promise.all([
      ana.send('PATCH', '/api/opportunities/d3', { nextStep: 'From Ana', expectedLastSeq: seen }),
      cleo.send('PATCH', '/api/opportunities/d3', { nextStep: 'From Cleo', expectedLastSeq: seen }),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const winner = answers.find((a) => a.status === 200)?.body.nextStep;
    expect((await ana.get('/api/opportunities/d3')).body.nextStep).toBe(winner);
  });

  it('closes a won deal today, with the stage probability and category', async () => {
    const cleo = await server.as('cleo');
    const answer = await cleo.send('PATCH', '/api/opportunities/d4', { stage: 'closed won' });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      stage: 'Closed Won',
      isClosed: true,
      isWon: true,
      probability: 1,
      forecastCategory: 'Closed',
      forecastCategoryOverridden: false,
      closeDate: '2026-05-01',
      closedRecordedAt: '2026-05-01T12:00:00.000Z',
    });
  });

  it('answers 403 for a deal one can see but not change', async () => {
    // Ana also views everything now: she sees Ben's d2, but her rep role edits only her own deals.
    await withTransaction(server.database, (conn) =>
      appendEvents(conn, [roleGranted('u1', 'sales', 'viewer', '2026-05-01T11:00:00Z')], {
        recordedTime: new Date('2026-05-01T11:00:00Z'),
      }),
    );
    const ana = await server.as('ana');
    expect((await ana.get('/api/opportunities/d2')).status).toBe(200);
    const answer = await ana.send('PATCH', '/api/opportunities/d2', { nextStep: 'Not mine' });
    expect(answer.status).toBe(403);
    expect(answer.body.detail).toBe(
      'you can see the deal d2 but not change it: it belongs to Ben Brooks, outside the deals you edit',
    );
    expect((await ana.get('/api/opportunities/d2')).body.nextStep).toBeNull();
  });

  it('leaves the ledger verifiable after the edits', async () => {
    const { verifyLedger } = await import('../../src/services/verify-ledger.js');
    const report = await verifyLedger(server.database, { now: new Date() });
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
  });
});
