import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { withTransaction } from '../../../src/db/connection.js';
import { appendEvents } from '../../../src/store/append-events.js';
import { dealChanged } from '../../helpers/sample-events.js';
import { verifyLedger } from '../../../src/services/verify-ledger.js';
import { signInNewAdmin } from '../../helpers/sign-in.js';
import { describeEachEngine } from '../../helpers/test-database.js';
import { useCallsServer } from './calls-fixture.js';

const call = (commit: string, bestCase: string, extra: object = {}) => ({
  period: '2026-Q2',
  commit,
  bestCase,
  ...extra,
});

describeEachEngine('forecast calls over the API', (engine) => {
  const server = useCallsServer(engine);

  it('records a call within 10 % of the roll-up without a reason, for the week open now', async () => {
    const ana = await server.at('2026-05-01T12:00:00Z', 'ana');
    const answer = await ana.send('POST', '/api/calls', call('2600.00', '3600'));
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({
      userId: 'u1',
      name: 'Ana Alvarez',
      week: 6,
      commit: '2600.00',
      bestCase: '3600.00',
      currency: 'USD',
      rollupCommit: '2500.00',
      rollupBestCase: '3500.00',
      submittedBy: 'u1',
      reason: null,
    });
  });

  it('refuses a call far from the roll-up without a reason, readably, and takes it with one', async () => {
    const ana = await server.at('2026-05-01T12:05:00Z', 'ana');
    const refused = await ana.send('POST', '/api/calls', call('3000.00', '3600.00'));
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('call-reason-required');
    expect(refused.body.detail).toBe(
      'this call differs from the roll-up of the deals by more than 10 %: write a reason',
    );
    expect(refused.body.errors).toEqual([
      {
        where: 'reason',
        value: '3000.00',
        reason: 'commit 3000.00 USD against a roll-up of 2500.00 USD (Closed + Commit)',
      },
    ]);
    expect((await ana.send('POST', '/api/calls', call('3000.00', '3600.00', { reason: '  ' }))).status).toBe(
      422,
    );
    const taken = await ana.send(
      'POST',
      '/api/calls',
      call('3000.00', '3600.00', { reason: 'Wayne doubles' }),
    );
    expect(taken.status).toBe(201);
    expect(taken.body.reason).toBe('Wayne doubles');
    const below = await ana.send('POST', '/api/calls', call('3000.00', '2000.00', { reason: 'x' }));
    expect(below.status).toBe(400);
    expect(below.body.errors[0].where).toBe('bestCase');
  });

  it("shows the manager each rep's latest call beside the roll-up and its change since last week", async () => {
    const cleo = await server.at('2026-05-01T12:10:00Z', 'cleo');
    const grid = await cleo.get('/api/calls/grid?period=2026-Q2');
    expect(grid.status).toBe(200);
    expect(grid.body.team).toEqual({ id: 'sales', name: 'Sales' });
    expect(grid.body.window).toEqual({ week: 6, dueAt: '2026-05-07T17:00:00.000Z' });
    expect(grid.body.previousDueAt).toBe('2026-04-30T17:00:00.000Z');
    expect(grid.body.rows.map((r: { kind: string; name: string }) => [r.kind, r.name])).toEqual([
      ['team', 'Cleo Chen'],
      ['member', 'Ana Alvarez'],
      ['member', 'Ben Brooks'],
    ]);
    const [team, ana, ben] = grid.body.rows;
    expect(ana.rollup).toEqual({
      deals: 3,
      closed: '500.00',
      commit: '2000.00',
      bestCase: '1000.00',
      pipeline: '0.00',
      rollupCommit: '2500.00',
      rollupBestCase: '3500.00',
      overriddenDeals: 0,
      overridden: '0.00',
    });
    // d22 (500.00, won) was created after week 5's due time.
    expect(ana.rollupCommitChange).toBe('500.00');
    expect(ana.call.commit).toBe('3000.00');
    expect(ana.callCommitChange).toBeNull();
    expect(ana.beyondShare).toBe(true);
    expect(ben.call).toBeNull();
    expect(ben.rollup.pipeline).toBe('9999.99');
    expect(team.rollup.rollupBestCase).toBe('3500.00');
    expect(team.rollup.pipeline).toBe('9999.99');
    expect(grid.body.mine).toMatchObject({ canSubmit: true, call: null });
    expect(grid.body.mine.rollup.rollupCommit).toBe('2500.00');
  });

  it('shows a rep only their own row', async () => {
    const ana = await server.at('2026-05-01T12:11:00Z', 'ana');
    const grid = await ana.get('/api/calls/grid?period=2026-Q2');
    expect(grid.body.team).toBeNull();
    expect(grid.body.rows.map((r: { name: string }) => r.name)).toEqual(['Ana Alvarez']);
    expect((await ana.get('/api/calls/grid?period=2026-Q2&team=sales')).status).toBe(404);
  });

  it('lists who has not called this week and when it is due', async () => {
    const cleo = await server.at('2026-05-01T12:12:00Z', 'cleo');
    const reminders = await cleo.get('/api/calls/reminders?period=2026-Q2');
    expect(reminders.body.window).toEqual({ week: 6, dueAt: '2026-05-07T17:00:00.000Z' });
    expect(reminders.body.expected).toBe(3);
    expect(
      reminders.body.missing.map((m: { name: string; teamName: string }) => [m.name, m.teamName]),
    ).toEqual([
      ['Ben Brooks', 'West'],
      ['Cleo Chen', 'Sales'],
    ]);
  });

  it("lets a manager enter a team member's call, and nobody else", async () => {
    const cleo = await server.at('2026-05-01T12:15:00Z', 'cleo');
    const entered = await cleo.send('POST', '/api/calls', call('2500.00', '3500.00', { userId: 'u1' }));
    expect(entered.status).toBe(201);
    expect(entered.body).toMatchObject({ userId: 'u1', submittedBy: 'u3', submittedByName: 'Cleo Chen' });
    const ben = await server.at('2026-05-01T12:16:00Z', 'ben');
    expect(
      (await ben.send('POST', '/api/calls', call('1.00', '1.00', { userId: 'u1', reason: 'x' }))).status,
    ).toBe(403);
    expect((await ben.get('/api/calls/history?period=2026-Q2&user=u1')).status).toBe(404);
    const vera = await server.at('2026-05-01T12:17:00Z', 'vera');
    expect((await vera.send('POST', '/api/calls', call('1.00', '1.00', { reason: 'x' }))).status).toBe(403);
  });

  it('counts a call after the due time for the next week and keeps the frozen week as it was', async () => {
    const ana = await server.at('2026-05-07T17:00:01Z', 'ana');
    const late = await ana.send('POST', '/api/calls', call('2400.00', '3400.00'));
    expect(late.status).toBe(201);
    expect(late.body.week).toBe(7);
    const history = await ana.get('/api/calls/history?period=2026-Q2');
    expect(history.status).toBe(200);
    const weeks = history.body.weeks as {
      week: number;
      frozen: boolean;
      call: { commit: string } | null;
      rollupCommit: string;
    }[];
    expect(weeks.map((w) => w.week)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(weeks[4]).toMatchObject({ frozen: true, call: null, rollupCommit: '2000.00' });
    expect(weeks[5]).toMatchObject({ frozen: true, rollupCommit: '2500.00' });
    expect(weeks[5]?.call?.commit).toBe('2500.00');
    expect(weeks[6]?.frozen).toBe(false);
    expect(weeks[6]?.call?.commit).toBe('2400.00');
    expect(history.body.submissions.map((s: { commit: string }) => s.commit)).toEqual([
      '2600.00',
      '3000.00',
      '2500.00',
      '2400.00',
    ]);
    expect(history.body.actual).toBe('500.00');
    const cleo = await server.at('2026-05-07T17:01:00Z', 'cleo');
    const grid = await cleo.get('/api/calls/grid?period=2026-Q2');
    expect(grid.body.rows[1].callCommitChange).toBe('-100.00');
  });

  it('refuses a call once the period’s last window has closed', async () => {
    const ana = await server.at('2026-06-25T17:00:01Z', 'ana');
    const refused = await ana.send('POST', '/api/calls', call('2400.00', '3400.00'));
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('call-window-closed');
    expect(refused.body.detail).toBe(
      'the calls for 2026-Q2 are frozen: its last window closed at 2026-06-25T17:00:00.000Z (week 13)',
    );
  });

  it('exports the submissions of a period within the caller’s scope', async () => {
    const cleo = await server.at('2026-05-08T09:00:00Z', 'cleo');
    const file = await cleo.get('/api/calls/export?period=2026-Q2&format=csv');
    expect(file.status).toBe(200);
    expect(file.type).toContain('text/csv');
    const lines = String(file.body).trim().split(/\r?\n/);
    expect(lines[0]).toBe(
      'Period,Week,Person,Person ID,Submitted at,Submitted by,Commit,Best case,Currency,Roll-up commit,Roll-up best case,Reason,Note,Ledger seq',
    );
    expect(lines).toHaveLength(5);
    expect(lines[2]).toContain(
      '2026-Q2,6,Ana Alvarez,u1,2026-05-01T12:05:00.000Z,Ana Alvarez,3000.00,3600.00,USD,2500.00,3500.00,Wayne doubles,',
    );
  });

  it('scores closed periods into track records', async () => {
    // 2026-Q1, week 10 (due Thursday 03-05 17:00). Closed in Q1: Ana's d3, 250.50; Ben nothing.
    for (const [person, commit, bestCase] of [
      ['ana', '300.00', '400.00'],
      ['ben', '100.00', '600.00'],
      ['cleo', '500.00', '1000.00'],
    ] as const) {
      const client = await server.at('2026-03-05T10:00:00Z', person);
      const answer = await client.send('POST', '/api/calls', {
        period: '2026-Q1',
        commit,
        bestCase,
        reason: 'judgement',
      });
      expect(answer.status).toBe(201);
      expect(answer.body.week).toBe(10);
    }
    const vera = await server.at('2026-05-08T09:00:00Z', 'vera');
    const records = await vera.get('/api/calls/track-records?periods=2026-Q1');
    expect(records.status).toBe(200);
    const byName = new Map(records.body.people.map((p: { name: string }) => [p.name, p]));
    // By team name: East, Sales, West.
    expect([...byName.keys()]).toEqual(['Ana Alvarez', 'Cleo Chen', 'Ben Brooks']);
    const ana = byName.get('Ana Alvarez') as Record<string, unknown> & { accuracyByWeek: unknown[] };
    // 1 − |250.50 − 300.00| / 250.50 = 0.802395…; bias (300 − 250.5) / 250.5 = 0.197604…
    expect(ana.meanAccuracy01).toBeCloseTo(1 - 49.5 / 250.5, 9);
    expect(ana.accuracyByWeek).toEqual([
      { week: 10, accuracy01: expect.closeTo(1 - 49.5 / 250.5, 9), calls: 1 },
    ]);
    expect(ana.rawBias01).toBeCloseTo(49.5 / 250.5, 9);
    expect(ana.ownWeight01).toBe(0.25);
    expect(ana.bias01).toBeCloseTo(49.5 / 250.5, 9);
    // d1 stood in Commit (1,500.00 when last seen there) and never closed.
    expect(ana.commitHitRate).toEqual({
      deals: 1,
      won: 0,
      wonShare01: 0,
      wonAmountShare01: 0,
      committedAmount: '1500.00',
      wonAmount: '0.00',
    });
    expect(byName.get('Ben Brooks')).toMatchObject({ periods: 0, bias01: null, meanAccuracy01: null });
    // Cleo called 500.00 against her reports' 400.00; 250.50 closed: accuracy 0.00399 against 0.40319.
    const cleo = byName.get('Cleo Chen') as { overrides: Record<string, number> };
    expect(cleo.overrides).toMatchObject({ weeks: 1, better: 0, worse: 1, unchanged: 0 });
    expect(cleo.overrides.meanAccuracyGain01).toBeCloseTo(-100 / 250.5, 9);
    // The Sales team (East and West have no leader): Cleo's call for the team, 500.00, and the sum of
    // Ana's and Ben's calls, 400.00, both against the 250.50 the team closed.
    expect(records.body.teams).toHaveLength(1);
    const [sales] = records.body.teams as {
      teamName: string;
      leaderName: string;
      members: number;
      call: { meanAccuracy01: number; bias01: number; periods: number };
      rollup: { meanAccuracy01: number; bias01: number };
      judgement: Record<string, number>;
      byPeriod: unknown[];
    }[];
    expect(sales).toMatchObject({ teamName: 'Sales', leaderName: 'Cleo Chen', members: 2 });
    expect(sales?.call.periods).toBe(1);
    expect(sales?.call.meanAccuracy01).toBeCloseTo(1 - 249.5 / 250.5, 9);
    expect(sales?.call.bias01).toBeCloseTo(249.5 / 250.5, 9);
    expect(sales?.rollup.meanAccuracy01).toBeCloseTo(1 - 149.5 / 250.5, 9);
    expect(sales?.judgement).toMatchObject({ weeks: 1, better: 0, worse: 1 });
    expect(sales?.byPeriod).toEqual([{ period: '2026-Q1', actual: '250.50' }]);
    // Ana reads her own deals only: the team's total is not hers to see.
    const ana2 = await server.at('2026-05-08T09:00:00Z', 'ana');
    const anas = await ana2.get('/api/calls/track-records?periods=2026-Q1');
    expect(anas.body.teams).toEqual([]);
  });

  it("stores each caller's score once at the first read after the period, and reads the stored score", async () => {
    const scores = () =>
      sql<{ user_id: string; actual_minor: string; bias01: string | null; weeks: unknown }>`
        select user_id, actual_minor::text, bias01, weeks from call_scores where period = '2026-Q1'
        order by user_id`.execute(server.database.db);
    const events = () =>
      sql<{ n: string }>`select count(*)::text as n from events where kind = 'call.scored'`.execute(
        server.database.db,
      );
    // The read of the test before stored them: Ana 300.00 against her 250.50 (+19.76 %), Ben
    // 100.00 against nothing closed in his deals (no accuracy, no bias), Cleo 500.00 against 250.50.
    expect((await scores()).rows).toEqual([
      {
        user_id: 'u1',
        actual_minor: '25050',
        bias01: '0.197605',
        weeks: [{ week: 10, commitMinor: '30000', errorMinor: '4950', accuracy01: '0.802395' }],
      },
      {
        user_id: 'u2',
        actual_minor: '0',
        bias01: null,
        weeks: [{ week: 10, commitMinor: '10000', errorMinor: '10000', accuracy01: null }],
      },
      {
        user_id: 'u3',
        actual_minor: '25050',
        bias01: '0.996008',
        weeks: [{ week: 10, commitMinor: '50000', errorMinor: '24950', accuracy01: '0.003992' }],
      },
    ]);
    expect((await events()).rows[0]?.n).toBe('3');
    // A win entered later but dated inside 2026-Q1 (d1, 1,200.00) does not change the stored scores.
    await withTransaction(server.database, (conn) =>
      appendEvents(
        conn,
        [
          dealChanged('d1', '2026-03-30T12:00:00Z', {
            stage: 'Closed Won',
            forecastCategory: 'Closed',
            probability01: 1,
            isClosed: true,
            isWon: true,
          }),
        ],
        { recordedTime: new Date('2026-05-08T09:10:00Z') },
      ),
    );
    const vera = await server.at('2026-05-08T09:15:00Z', 'vera');
    const records = await vera.get('/api/calls/track-records?periods=2026-Q1');
    const ana = records.body.people.find((p: { name: string }) => p.name === 'Ana Alvarez');
    expect(ana.byPeriod).toEqual([
      {
        period: '2026-Q1',
        actual: '250.50',
        calls: 1,
        lastCall: '300.00',
        bias: expect.closeTo(49.5 / 250.5, 9),
      },
    ]);
    expect((await events()).rows[0]?.n).toBe('3');
  });

  it('lets an admin change the reason share and due time, as a ledger event that verifies', async () => {
    const admin = await signInNewAdmin(server.app, server.database);
    expect((await admin.send('PATCH', '/api/calls/policy', { dueTime: '25:00' })).status).toBe(400);
    const changed = await admin.send('PATCH', '/api/calls/policy', { reasonShare01: 0.5, dueWeekday: 5 });
    expect(changed.status).toBe(200);
    expect(changed.body).toEqual({ cadence: 'weekly', dueWeekday: 5, dueTime: '17:00', reasonShare01: 0.5 });
    const ana = await server.at('2026-05-08T09:30:00Z', 'ana');
    const taken = await ana.send('POST', '/api/calls', call('3000.00', '3600.00'));
    expect(taken.status).toBe(201);
    // Fridays now: 2026-05-08 17:00 is week 6's... week 6 runs 05-06..05-12, its Friday 05-08.
    expect(taken.body.week).toBe(6);
    // Every call and the policy change replay into exactly the projected rows.
    const verified = await verifyLedger(server.database, { now: new Date('2026-05-08T09:31:00Z') });
    expect(verified.problems).toEqual([]);
    expect(verified.ok).toBe(true);
  });
});
