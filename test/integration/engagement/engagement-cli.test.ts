import { afterAll, beforeAll, expect, it } from 'vitest';
import { withTransaction } from '../../../src/db/connection.js';
import { appendEvents } from '../../../src/store/append-events.js';
import { createCliDatabase, type CliDatabase } from '../../helpers/cli-database.js';
import { runCli } from '../../helpers/run-cli.js';
import { event } from '../../helpers/sample-events.js';
import { describeEachEngine } from '../../helpers/test-database.js';
import { loadServerHistory } from '../server-history.js';

/**
 * The server history plus Eve (u7, executive) sponsoring Acme (a1) and one unplanned meeting of hers
 * on d1 on 2026-03-25, six days before its close date of 2026-03-31: a fire drill. A loss-reason
 * insight on d5 (lost 2026-03-25, 300.00, field "Price") says "Budget cut", which wins.
 */
describeEachEngine('candor insights and candor engagement', (engine) => {
  let cli: CliDatabase;
  beforeAll(async () => {
    cli = await createCliDatabase(engine);
    const db = await cli.open();
    await loadServerHistory(db);
    const at = '2026-01-01T00:00:00Z';
    await withTransaction(db, (conn) =>
      appendEvents(
        conn,
        [
          event('user', 'u7', 'user.created', at, {
            name: 'Eve Exec',
            email: 'eve@server.test',
            title: null,
            active: true,
          }),
          event('user', 'u7', 'user.role_granted', at, { teamId: 'sales', role: 'executive' }),
          event('strategic-account', 'a1', 'strategic-account.set', at, {
            strategicTag: true,
            sponsorId: 'u7',
          }),
          event('meeting', 'm1', 'meeting.logged', '2026-03-25T16:00:00Z', {
            accountId: 'a1',
            opportunityId: 'd1',
            title: 'Rescue call',
            startsAt: '2026-03-25T15:00:00Z',
            durationMinutes: 30,
            status: 'held',
            planned: false,
            attendeeIds: ['u7'],
            externalAttendees: [],
            outcome: null,
            nextSteps: null,
          }),
          event('insight', 'i1', 'insight.captured', '2026-03-26T09:00:00Z', {
            accountId: 'a1',
            opportunityId: 'd5',
            type: 'loss-reason',
            competitor: null,
            topic: 'Budget cut',
            text: 'Their budget was frozen',
            severity: 'high',
            authorId: 'u3',
            capturedAt: '2026-03-26T09:00:00Z',
          }),
        ],
        { recordedTime: new Date('2026-04-01T00:00:00Z') },
      ),
    );
    await db.close();
  });
  afterAll(async () => cli?.dispose());

  const run = (args: string[]) =>
    runCli([...args, ...cli.args], {
      databaseUrl: cli.databaseUrl,
      clock: () => new Date('2026-05-01T12:00:00Z'),
    });

  it('prints the customer-voice summary with revenue at stake', async () => {
    const json = await run(['insights', 'summary', '--period', '2026-Q1', '--json']);
    expect(json.exitCode).toBe(0);
    expect((json.json() as { lossReasons: unknown }).lossReasons).toEqual([
      { reason: 'Budget cut', deals: 1, lost: '300.00' },
    ]);
    const text = await run(['insights', 'summary', '--period', '2026-Q1']);
    expect(text.stdout).toContain('Customer voice for 2026-Q1 (2026-01-01 to before 2026-04-01), in USD');
    expect(text.stdout).toMatch(/\n {2}Budget cut\s+1\s+300\.00\n/);
  });

  it('prints the plan and the planned against fire-drill report', async () => {
    const plan = (await run(['engagement', 'plan', '--period', '2026-Q2', '--json'])).json() as {
      accounts: { accountId: string; sponsorName: string; status: string; dueDays: string[] }[];
    };
    // Acme scores 35 (the largest open pipeline, d1's 1,500.00) + 15 (tagged) = 50; the Q2 review was due on 04-01.
    expect(plan.accounts.map((a) => [a.accountId, a.sponsorName, a.dueDays, a.status])).toEqual([
      ['a1', 'Eve Exec', ['2026-04-01'], 'overdue'],
    ]);
    const report = await run(['engagement', 'report', '--period', '2026-Q1']);
    expect(report.stdout).toContain('Planned 0, fire drills 1 (100 %), other unplanned 0');
    expect(report.stdout).toMatch(/\n {2}Eve Exec\s+0\s+1\s+0\n/);
  });
});
