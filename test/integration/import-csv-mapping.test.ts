import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ImportSummary } from '../../src/services/import/import-batch.js';
import type { VerifyReport } from '../../src/services/verify-ledger.js';
import { describeEachEngine } from '../helpers/test-database.js';
import { fixtures, openCliSession, type CliSession } from './import-cli-helper.js';

const csv = join(fixtures, 'csv');
const importCsv = (cli: CliSession, entity: string, file: string, mapping: string, ...extra: string[]) =>
  cli.run(['import', 'csv', entity, join(csv, file), '--mapping', join(csv, mapping), '--json', ...extra]);

describeEachEngine('candor import csv with mapping files', (engine) => {
  let cli: CliSession;
  beforeAll(async () => {
    cli = await openCliSession(engine);
    for (const [entity, file, mapping] of [
      ['teams', 'people.csv', 'teams.mapping.json'],
      ['users', 'people.csv', 'people.mapping.json'],
    ] as const) {
      const result = await importCsv(cli, entity, file, mapping, '--org-name', 'Acme', '--currency', 'EUR');
      expect(result.exitCode).toBe(0);
    }
  });
  afterAll(async () => {
    await cli.close();
  });

  it('builds the team tree from path columns and places each user, repeated rows counting once', async () => {
    const rows = await cli.withDb(async (db) => ({
      teams: await db.db.selectFrom('teams').select(['id', 'name', 'parent_id']).orderBy('id').execute(),
      members: await sql<{ id: string; name: string; team: string; role: string }>`
        select u.id, u.name, m.team_id as team, m.role from users u join memberships m on m.user_id = u.id order by u.id`.execute(
        db.db,
      ),
      org: (await db.db.selectFrom('org_settings').select('settings').executeTakeFirstOrThrow()).settings,
    }));
    expect(rows.teams).toEqual([
      { id: 'EMEA', name: 'EMEA', parent_id: null },
      { id: 'EMEA / Iberia', name: 'Iberia', parent_id: 'EMEA' },
      { id: 'EMEA / Nordic team', name: 'Nordic team', parent_id: 'EMEA' },
    ]);
    expect(rows.members.rows).toEqual([
      { id: 'u:ana@example.com', name: 'Ana Ruiz', team: 'EMEA / Iberia', role: 'rep' },
      { id: 'u:lars@example.com', name: 'Lars Berg', team: 'EMEA / Nordic team', role: 'rep' },
      { id: 'u:zoe@example.com', name: 'Zoë Martin', team: 'EMEA / Nordic team', role: 'manager' },
    ]);
    expect(rows.org).toMatchObject({ name: 'Acme', corporateCurrency: 'EUR', timeZone: 'UTC' });
  });

  it('refuses a deals file with bad rows as a whole, then lands its valid rows with --skip-invalid', async () => {
    const refused = await importCsv(cli, 'opportunities', 'deals.csv', 'deals.mapping.json');
    expect(refused.exitCode).toBe(1);
    const expectedRejected = [
      {
        file: 'deals.csv',
        line: 6,
        column: 'Close',
        value: '13/45/2023',
        reason: 'expected a date in the format MM/dd/yyyy',
      },
      {
        file: 'deals.csv',
        line: 7,
        column: 'Owner',
        value: 'Nobody Atall',
        reason: "no user is named 'Nobody Atall'; import the users first",
      },
      {
        file: 'deals.csv',
        line: 8,
        column: 'id',
        value: 'acme:D-2',
        reason: 'duplicate id: line 4 gives this opportunity different values',
      },
    ];
    expect(refused.json<ImportSummary>()).toMatchObject({
      committed: false,
      events: 0,
      rejected: expectedRejected,
    });

    const rejectFile = join(cli.folder, 'deals.rejected.csv');
    const landed = await importCsv(
      cli,
      'opportunities',
      'deals.csv',
      'deals.mapping.json',
      '--skip-invalid',
      '--reject-file',
      rejectFile,
    );
    expect(landed.exitCode).toBe(0);
    expect(landed.json<ImportSummary>()).toMatchObject({
      imported: {
        'import.committed': 1,
        'opportunity.changed': 1,
        'opportunity.created': 3,
        'stage.defined': 4,
      },
      rejected: expectedRejected,
      rejectFiles: [rejectFile],
    });
    const source = readFileSync(join(csv, 'deals.csv'));
    const lines = source.toString('latin1').split('\r\n');
    expect(readFileSync(rejectFile)).toEqual(
      Buffer.from(`${[lines[0], lines[5], lines[6], lines[7]].join('\r\n')}\r\n`, 'latin1'),
    );
  });

  it('reads declared formats, value maps and Windows-1252 text, and gives a won deal its open past', async () => {
    const rows = await cli.withDb(async (db) => ({
      deals: await db.db
        .selectFrom('opportunities')
        .select(['id', 'name', 'stage', 'amount_minor', 'close_date', 'created_at', 'owner_id', 'fields'])
        .orderBy('id')
        .execute(),
      won: await db.db
        .selectFrom('events')
        .select(['business_time', 'payload'])
        .where('entity_id', '=', 'acme:D-2')
        .orderBy('seq')
        .execute(),
    }));
    expect(rows.deals).toEqual([
      {
        id: 'acme:D-1',
        name: 'Smörgåsbord rollout',
        stage: 'Verbal',
        amount_minor: '1250050',
        close_date: '2023-06-30',
        created_at: new Date('2023-01-15T09:30:00Z'),
        owner_id: 'u:lars@example.com',
        fields: { notes: '<p>Champion: Åsa</p>\r\n<p>Budget ok</p>' },
      },
      {
        id: 'acme:D-2',
        name: 'Tapas bar POS',
        stage: 'Won',
        amount_minor: '300000',
        close_date: '2023-03-31',
        created_at: new Date('2023-02-01T10:00:00Z'),
        owner_id: 'u:ana@example.com',
        fields: {},
      },
      {
        id: 'acme:D-3',
        name: 'No value yet',
        stage: 'Discovery',
        amount_minor: null,
        close_date: null,
        created_at: new Date('2023-02-10T10:00:00Z'),
        owner_id: 'u:ana@example.com',
        fields: {},
      },
    ]);
    expect(rows.won).toEqual([
      {
        business_time: new Date('2023-02-01T10:00:00Z'),
        payload: expect.objectContaining({ stage: 'Discovery', isClosed: false, probability01: 0.2 }),
      },
      {
        business_time: new Date('2023-03-31T00:00:00Z'),
        payload: { stage: 'Won', isClosed: true, isWon: true, probability01: 1, forecastCategory: 'Closed' },
      },
    ]);
  });

  it('replays a history file over the deals, rejecting repeated ids and unknown deals', async () => {
    const result = await importCsv(
      cli,
      'history',
      'deal-history.csv',
      'deal-history.mapping.json',
      '--skip-invalid',
      '--reject-file',
      join(cli.folder, 'h.csv'),
    );
    const summary = result.json<ImportSummary>();
    expect(summary.rejected).toEqual([
      {
        file: 'deal-history.csv',
        line: 5,
        column: 'Change ID',
        value: 'H-3',
        reason: 'duplicate id: line 4 has the same id',
      },
      {
        file: 'deal-history.csv',
        line: 6,
        column: 'Deal ID',
        value: 'acme:D-9',
        reason: "opportunity acme:D-9 is neither in the import's opportunities nor in Candor",
      },
    ]);
    const events = await cli.withDb((db) =>
      db.db
        .selectFrom('events')
        .select(['business_time', 'payload', 'origin_key'])
        .where('entity_id', '=', 'acme:D-1')
        .orderBy('seq')
        .execute(),
    );
    // The first snapshot predates the deal's creation (09:30): it takes the creation's time.
    expect(events.slice(1)).toEqual([
      {
        business_time: new Date('2023-01-15T09:30:00Z'),
        payload: {
          stage: 'Discovery',
          amountMinor: '1000000',
          probability01: 0.2,
          forecastCategory: 'Pipeline',
        },
        origin_key: 'csv:history:acme:H-1',
      },
      {
        business_time: new Date('2023-03-01T12:00:00Z'),
        payload: { amountMinor: '1250050' },
        origin_key: 'csv:history:acme:H-2',
      },
      {
        business_time: new Date('2023-04-20T12:00:00Z'),
        payload: { stage: 'Verbal', probability01: 0.8, forecastCategory: 'Commit' },
        origin_key: 'csv:history:acme:H-3',
      },
    ]);
    const again = await importCsv(
      cli,
      'history',
      'deal-history.csv',
      'deal-history.mapping.json',
      '--skip-invalid',
      '--reject-file',
      join(cli.folder, 'h2.csv'),
    );
    expect(again.json<ImportSummary>().events).toBe(0);
  });

  it('logs activities with mapped kinds and links, an identical repeated row once', async () => {
    const result = await importCsv(cli, 'activities', 'activities.csv', 'activities.mapping.json');
    expect(result.json<ImportSummary>().imported).toEqual({ 'activity.logged': 2, 'import.committed': 1 });
    const activities = await cli.withDb((db) =>
      db.db
        .selectFrom('activities')
        .select(['type', 'subject', 'occurred_at', 'opportunity_id', 'owner_id'])
        .orderBy('occurred_at')
        .execute(),
    );
    expect(activities).toEqual([
      {
        type: 'call',
        subject: 'Intro call',
        occurred_at: new Date('2023-02-01T10:00:00Z'),
        opportunity_id: 'acme:D-1',
        owner_id: 'u:lars@example.com',
      },
      {
        type: 'demo',
        subject: 'Demo of the POS',
        occurred_at: new Date('2023-02-03T15:00:00Z'),
        opportunity_id: 'acme:D-2',
        owner_id: 'u:ana@example.com',
      },
    ]);
  });

  it('turns an edited row into one change event, and verifies', async () => {
    const edited = join(cli.folder, 'deals-edited.csv');
    const text = readFileSync(join(csv, 'deals.csv'), 'latin1').replace(
      'D-3,No value yet,Ana Ruiz,Discovery,,',
      'D-3,No value yet,Ana Ruiz,Discovery,750,',
    );
    writeFileSync(edited, text, 'latin1');
    const result = await cli.run([
      'import',
      'csv',
      'opportunities',
      edited,
      '--mapping',
      join(csv, 'deals.mapping.json'),
      '--skip-invalid',
      '--reject-file',
      join(cli.folder, 'r.csv'),
      '--json',
    ]);
    expect(result.json<ImportSummary>().imported).toEqual({
      'import.committed': 1,
      'opportunity.changed': 1,
    });
    const last = await cli.withDb((db) =>
      db.db
        .selectFrom('events')
        .select(['business_time', 'payload'])
        .where('entity_id', '=', 'acme:D-3')
        .orderBy('seq', 'desc')
        .executeTakeFirst(),
    );
    // No modified date is mapped: the change takes effect when it is imported.
    expect(last).toEqual({
      business_time: new Date('2026-01-15T12:00:00Z'),
      payload: { amountMinor: '75000' },
    });
    expect((await cli.run(['verify', '--json'])).json<VerifyReport>()).toMatchObject({
      ok: true,
      problems: [],
    });
  });
});
