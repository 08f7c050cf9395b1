import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { withTransaction } from '../../src/db/connection.js';
import type { ImportSummary } from '../../src/services/import/import-batch.js';
import type { VerifyReport } from '../../src/services/verify-ledger.js';
import { appendEvents } from '../../src/store/append-events.js';
import { event, roleGranted } from '../helpers/sample-events.js';
import { describeEachEngine } from '../helpers/test-database.js';
import { fixtures, openCliSession, type CliSession } from './import-cli-helper.js';

const events = join(fixtures, 'salesforce-events');
const voice = join(fixtures, 'csv-voice');

describeEachEngine('meetings and insights from imports', (engine) => {
  let cli: CliSession;
  let first: ImportSummary;
  beforeAll(async () => {
    cli = await openCliSession(engine);
    const result = await cli.run(['import', 'salesforce', events, '--json']);
    expect(result.stderr).toBe('');
    first = result.json<ImportSummary>();
    // Salesforce has no executive role: Ada, the chief revenue officer, is made one in a team of
    // Candor's own (the import manages only the memberships of the export's teams).
    const at = '2024-01-02T09:00:00Z';
    await cli.withDb((db) =>
      withTransaction(db, (conn) =>
        appendEvents(
          conn,
          [
            event('team', 'leadership', 'team.created', at, { name: 'Leadership', parentId: null }),
            roleGranted('005000000000001AAA', 'leadership', 'executive', at),
          ],
          { recordedTime: new Date('2026-01-15T12:00:00Z') },
        ),
      ),
    );
  });
  afterAll(async () => {
    await cli.close();
  });

  it('turns Salesforce Events with a customer into meetings, and deal fields into insights', async () => {
    expect(first.imported).toMatchObject({
      'activity.logged': 7,
      'meeting.logged': 5,
      'insight.captured': 4,
    });
    expect(first.rejected).toEqual([]);
    expect(first.notes).toEqual([
      '1 deal(s) with a loss reason or competitor have no account: their fields count in the summaries, but no insight was recorded',
      '1 Event(s) kept as activities but not as meetings (e.g. 00U000000000004AAA): a meeting is with an account: name one',
    ]);
    const rows = await cli.withDb(async (db) => ({
      meetings: (
        await sql<
          Record<string, unknown>
        >`select id, account_id, opportunity_id, duration_minutes, status, planned,
                         attendee_ids, external_attendees from meetings order by id`.execute(db.db)
      ).rows,
      insights: (
        await sql<
          Record<string, unknown>
        >`select opportunity_id, type, competitor, text, captured_at from insights
          order by opportunity_id, type, competitor`.execute(db.db)
      ).rows,
    }));
    const [ada, bob, acme, globex, expansion, pilot] = [
      '005000000000001AAA',
      '005000000000002AAA',
      '001000000000001AAA',
      '001000000000002AAA',
      '006000000000001AAA',
      '006000000000002AAA',
    ];
    // 4 (no account) and 5 (an e-mail) stay activities only; 7 names a deal the export lacks.
    expect(rows.meetings.map((m) => Object.values(m))).toEqual([
      ['00U000000000001AAA', acme, expansion, 45, 'held', false, [bob, ada], ['003000000000001AAA']],
      ['00U000000000002AAA', acme, expansion, 30, 'held', false, [ada], []],
      ['00U000000000003AAA', globex, null, 120, 'held', true, [ada], ['003000000000002AAA']],
      ['00U000000000006AAA', globex, null, 60, 'scheduled', true, [ada], []],
      ['00U000000000007AAA', acme, null, 60, 'held', false, [bob], []],
    ]);
    expect(rows.insights.map((i) => Object.values(i))).toEqual([
      [expansion, 'competitor-mention', 'Other Co', '', new Date('2025-03-01T10:00:00Z')],
      [expansion, 'competitor-mention', 'Rival', '', new Date('2025-03-01T10:00:00Z')],
      [pilot, 'competitor-mention', 'Rival', '', new Date('2025-02-01T10:00:00Z')],
      // Captured when the deal was lost: the start of its close day.
      [pilot, 'loss-reason', null, 'Price too high', new Date('2025-05-10T00:00:00Z')],
    ]);
  });

  it('judges the programme on the imported history: planned, fire drills and the rest', async () => {
    const report = (await cli.run(['engagement', 'report', '--period', '2025-Q2', '--json'])).json<{
      total: Record<string, number>;
      meetings: { id: string; kind: string }[];
    }>();
    expect(report.total).toEqual({ planned: 1, fireDrill: 1, unplanned: 2 });
    expect(report.meetings.map((m) => [m.id, m.kind])).toEqual([
      ['00U000000000007AAA', 'unplanned'],
      ['00U000000000003AAA', 'planned'],
      // 15 days before the deal's close date, then 14 days before with the executive invited.
      ['00U000000000002AAA', 'unplanned'],
      ['00U000000000001AAA', 'fire-drill'],
    ]);
  });

  it('imports meetings and insights from CSV files with mappings, rejecting bad rows with their reason', async () => {
    const importVoice = (entity: string) =>
      cli.run([
        'import',
        'csv',
        entity,
        join(voice, `${entity}.csv`),
        '--mapping',
        join(voice, `${entity}.mapping.json`),
        '--json',
        '--skip-invalid',
        '--reject-file',
        join(cli.folder, `${entity}.rejected.csv`),
      ]);
    const meetings = (await importVoice('meetings')).json<ImportSummary>();
    expect(meetings.imported).toEqual({ 'import.committed': 1, 'meeting.logged': 2 });
    expect(meetings.rejected.map((r) => [r.line, r.column, r.value, r.reason])).toEqual([
      [4, 'Account', 'Nope Inc', "no account is named 'Nope Inc'; import the accounts first"],
      [5, 'Date', '31/31/2025 10:00', 'expected a date in the format MM/dd/yyyy HH:mm'],
      [
        6,
        'With',
        'Zed Unknown',
        "no user is named 'Zed Unknown'; import the users first (people outside Candor go in externalAttendees)",
      ],
      [
        7,
        'Deal',
        '006000000000003AAA',
        'the deal 006000000000003AAA has no account, and a meeting is with an account',
      ],
    ]);
    const insights = (await importVoice('insights')).json<ImportSummary>();
    expect(insights.imported).toEqual({ 'import.committed': 1, 'insight.captured': 3 });
    expect(insights.rejected.map((r) => [r.line, r.column, r.reason])).toEqual([
      [5, 'Kind', expect.stringMatching(/^expected an insight type: competitor-mention, loss-reason/)],
      [6, 'Competitor', 'a competitor mention names the competitor'],
      [7, 'Deal', 'no deal 006000000000099AAA in Candor: import the opportunities first'],
      [8, 'Date', 'an insight cannot be captured in the future'],
    ]);
    const rows = await cli.withDb(async (db) => ({
      meetings: (
        await sql<Record<string, unknown>>`select id, account_id, opportunity_id, starts_at, planned, status,
          attendee_ids, external_attendees, outcome from meetings where id like 'crm-%' order by id`.execute(
          db.db,
        )
      ).rows,
      insights: (
        await sql<
          Record<string, unknown>
        >`select id, account_id, opportunity_id, type, topic, severity, author_id
          from insights where id like 'I-%' order by id`.execute(db.db)
      ).rows,
    }));
    expect(rows.meetings.map((m) => Object.values(m))).toEqual([
      [
        'crm-M-1',
        '001000000000001AAA',
        '006000000000001AAA',
        new Date('2025-06-10T15:00:00Z'),
        false,
        'held',
        ['005000000000002AAA', '005000000000001AAA'],
        ['Jane Doe (CFO)'],
        'Agreed the terms',
      ],
      // Planned: its title names a business review.
      [
        'crm-M-2',
        '001000000000002AAA',
        null,
        new Date('2025-04-20T10:00:00Z'),
        true,
        'held',
        ['005000000000001AAA'],
        [],
        null,
      ],
    ]);
    expect(rows.insights.map((i) => Object.values(i))).toEqual([
      [
        'I-1',
        '001000000000001AAA',
        '006000000000001AAA',
        'feature-request',
        'SSO',
        'high',
        '005000000000002AAA',
      ],
      ['I-2', '001000000000002AAA', null, 'service-problem', 'Invoices', 'critical', null],
      ['I-3', '001000000000001AAA', '006000000000002AAA', 'competitor-mention', null, 'medium', null],
    ]);
    // The CSV meeting 10 days before the deal's close date, with the executive: one more fire drill.
    const report = (await cli.run(['engagement', 'report', '--period', '2025-Q2', '--json'])).json<{
      total: Record<string, number>;
    }>();
    expect(report.total).toEqual({ planned: 2, fireDrill: 2, unplanned: 2 });
    for (const entity of ['meetings', 'insights']) {
      expect((await importVoice(entity)).json<ImportSummary>()).toMatchObject({ committed: true, events: 0 });
    }
  });

  it('summarises the imported loss reasons and competitors from insights, and fields where no insight can be', async () => {
    const summary = (await cli.run(['insights', 'summary', '--period', '2025-Q2', '--json'])).json<{
      competitors: {
        competitor: string;
        lostDeals: number;
        lost: string;
        openDeals: number;
        mentions: number;
      }[];
      lossReasons: { reason: string; deals: number; lost: string }[];
    }>();
    expect(summary.lossReasons).toEqual([
      { reason: 'Price too high', deals: 1, lost: '8000.00' },
      // The account-less deal has no insight: its field counts.
      { reason: 'Timing', deals: 1, lost: '1000.00' },
    ]);
    expect(
      summary.competitors.map((c) => [c.competitor, c.lostDeals, c.lost, c.openDeals, c.mentions]),
    ).toEqual([
      // Mentions captured in the quarter: the service desk's I-3 is from April.
      ['Rival', 1, '8000.00', 1, 1],
      ['Other Co', 0, '0.00', 1, 0],
    ]);
  });

  it('verifies, and importing the same files again adds nothing', async () => {
    const again = await cli.run(['import', 'salesforce', events, '--json']);
    expect(again.json<ImportSummary>()).toMatchObject({ committed: true, events: 0, imported: {} });
    const verify = await cli.run(['verify', '--json']);
    expect(verify.json<VerifyReport>()).toMatchObject({ ok: true, problems: [] });
  });
});

describeEachEngine('a re-imported deal whose loss reason changed', (engine) => {
  let cli: CliSession;
  afterAll(async () => {
    await cli.close();
  });

  it('withdraws the insight of the old reason, captures the new one, and the reason of a deal lost since', async () => {
    cli = await openCliSession(engine);
    expect((await cli.run(['import', 'salesforce', events, '--json'])).exitCode).toBe(0);
    const changed = join(cli.folder, 'changed-export');
    cpSync(events, changed, { recursive: true });
    const path = join(changed, 'Opportunity.csv');
    writeFileSync(
      path,
      readFileSync(path, 'utf8')
        .replace(
          '2025-05-10 16:00:00,005000000000002AAA,1,0,Omitted,Rival,Price too high',
          '2025-05-20 16:00:00,005000000000002AAA,1,0,Omitted,Rival,Went with Rival',
        )
        // An open deal whose loss reason was filled in early is lost now: its reason becomes an insight.
        .replace(
          'Negotiation/Review,20000,2025-07-30,2025-03-01 10:00:00,2025-03-01 10:00:00,005000000000002AAA,0,0,Forecast',
          'Closed Lost,20000,2025-07-30,2025-03-01 10:00:00,2025-07-30 10:00:00,005000000000002AAA,1,0,Omitted',
        ),
    );
    const again = (await cli.run(['import', 'salesforce', changed, '--json'])).json<ImportSummary>();
    expect(again.imported).toEqual({
      'import.committed': 1,
      'insight.captured': 2,
      'insight.withdrawn': 1,
      'opportunity.changed': 2,
    });
    const reasons = await cli.withDb(
      async (db) =>
        (
          await sql<{
            text: string;
            withdrawn: boolean;
            captured_at: Date;
          }>`select text, withdrawn, captured_at
            from insights where type = 'loss-reason' order by captured_at`.execute(db.db)
        ).rows,
    );
    expect(reasons).toEqual([
      { text: 'Price too high', withdrawn: true, captured_at: new Date('2025-05-10T00:00:00Z') },
      // Set by the change at its LastModifiedDate, after the close day.
      { text: 'Went with Rival', withdrawn: false, captured_at: new Date('2025-05-20T16:00:00Z') },
      { text: 'No budget', withdrawn: false, captured_at: new Date('2025-07-30T10:00:00Z') },
    ]);
    expect((await cli.run(['verify', '--json'])).json<VerifyReport>()).toMatchObject({ ok: true });
  });
});
