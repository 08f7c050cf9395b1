import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ImportSummary } from '../../src/services/import/import-batch.js';
import type { PipelineReport } from '../../src/services/get-pipeline.js';
import type { VerifyReport } from '../../src/services/verify-ledger.js';
import { describeEachEngine } from '../helpers/test-database.js';
import { fixtures, openCliSession, type CliSession } from './import-cli-helper.js';

/**
 * A small Salesforce export with what real ones hold: Windows-1252 and a BOM, CRLF, NUL bytes, HTML
 * and multi-line notes, blank and zero amounts, a close date before the creation, a deal created
 * directly as won, three currencies, roles, users, field history, tasks, events and quotas.
 */
const messy = join(fixtures, 'salesforce-messy');
const expectedImported = {
  'account.created': 2,
  'activity.logged': 4,
  'currency.defined': 3,
  'currency.rate_set': 2,
  'import.committed': 1,
  // The competitors named on two deals, as insights on them.
  'insight.captured': 2,
  // The one Event, on a deal with an account, is also a meeting of the executive programme.
  'meeting.logged': 1,
  'opportunity.changed': 5,
  'opportunity.created': 6,
  'org.configured': 1,
  'quota.set': 1,
  'stage.defined': 6,
  'team.created': 4,
  'user.created': 4,
  'user.role_granted': 3,
};

describeEachEngine('candor import salesforce on a messy export', (engine) => {
  let cli: CliSession;
  let summary: ImportSummary;
  beforeAll(async () => {
    cli = await openCliSession(engine);
    const result = await cli.run(['import', 'salesforce', messy, '--time-zone', 'Europe/Paris', '--json']);
    expect(result.exitCode).toBe(0);
    summary = result.json<ImportSummary>();
  });
  afterAll(async () => {
    await cli.close();
  });

  it('imports every file, detects their encodings, and says what it skipped', () => {
    expect(summary.imported).toEqual(expectedImported);
    expect(summary.rejected).toEqual([]);
    expect(Object.fromEntries(summary.files.map((f) => [f.name, f.encoding]))).toMatchObject({
      'Opportunity.csv': 'windows-1252',
      'OpportunityHistory.csv': 'utf-8',
    });
    expect(summary.skippedFiles).toEqual([
      { name: 'README.txt', reason: 'not a Salesforce object Candor imports' },
    ]);
  });

  it('sets the organisation up from CurrencyType and FiscalYearSettings', async () => {
    const rows = await cli.withDb(async (db) => ({
      settings: (await db.db.selectFrom('org_settings').select('settings').executeTakeFirstOrThrow())
        .settings,
      rates: await db.db.selectFrom('currency_rates').select(['code', 'rate']).orderBy('code').execute(),
      currencies: await db.db.selectFrom('currencies').select(['code', 'decimals']).orderBy('code').execute(),
    }));
    expect(rows.settings).toMatchObject({
      name: 'salesforce-messy',
      isDemo: false,
      corporateCurrency: 'USD',
      timeZone: 'Europe/Paris',
      fiscalYearStartMonth: 2,
      fiscalYearNamedBy: 'end',
      weekStartDay: 7,
    });
    // ConversionRate is units per US dollar; Candor keeps dollars per unit (1 / 0.8, 1 / 150).
    expect(rows.rates).toEqual([
      { code: 'EUR', rate: '1.25' },
      { code: 'JPY', rate: '0.006666666666666667' },
    ]);
    expect(rows.currencies).toEqual([
      { code: 'EUR', decimals: 2 },
      { code: 'JPY', decimals: 0 },
      { code: 'USD', decimals: 2 },
    ]);
  });

  it('answers the pipeline in dollars, by the fiscal calendar of the export', async () => {
    const result = await cli.run(['pipeline', '--period', '2024-Q1', '--deals', '--json']);
    const report = result.json<PipelineReport>();
    // FY2024 starts 2023-02-01. EUR 9,225.23 × 1.25 = 11,531.54; JPY 1,500,000 / 150 = 10,000.
    expect([report.closeFrom, report.closeTo]).toEqual(['2023-02-01', '2023-05-01']);
    expect(report.categories).toEqual({
      Pipeline: { deals: 0, amount: '0.00' },
      'Best Case': { deals: 1, amount: '10000.00' },
      Commit: { deals: 1, amount: '11531.54' },
      Closed: { deals: 0, amount: '0.00' },
      Omitted: { deals: 1, amount: '5000.00' },
    });
    expect(report.deals?.map((d) => [d.name, d.amount, d.currency])).toEqual([
      ['Acme Corp expansion', '5000.00', 'USD'],
      ['Tokyo deal', '1500000', 'JPY'],
      ['Café Müller – Renewal', '9225.23', 'EUR'],
    ]);
  });

  it('replays history and field history at their own times, read in the organisation’s zone', async () => {
    const events = await cli.withDb((db) =>
      db.db
        .selectFrom('events')
        .select(['business_time', 'kind', 'payload', 'origin_key'])
        .where('entity_id', '=', '006000000000001AAA')
        .orderBy('seq')
        .execute(),
    );
    expect(events.map((e) => [e.business_time.toISOString(), e.kind, e.origin_key])).toEqual([
      ['2023-01-10T08:00:00.000Z', 'opportunity.created', 'sf:Opportunity:006000000000001AAA'],
      ['2023-02-01T08:00:00.000Z', 'opportunity.changed', 'sf:OpportunityHistory:008000000000002AAA'],
      ['2023-02-15T10:00:00.000Z', 'opportunity.changed', 'sf:OpportunityFieldHistory:017000000000002AAA'],
      ['2023-03-05T14:30:00.000Z', 'opportunity.changed', 'sf:OpportunityHistory:008000000000003AAA'],
      ['2023-03-20T09:00:00.000Z', 'opportunity.changed', 'sf:OpportunityFieldHistory:017000000000001AAA'],
    ]);
    expect(events[0]?.payload).toMatchObject({
      name: 'Café Müller – Renewal',
      stage: 'Prospecting',
      amountMinor: '800000',
      currency: 'EUR',
      // The owner before the field-history change, and no next step yet.
      ownerId: '005000000000003AAA',
      nextStep: null,
      competitor: 'Espresso Inc',
      fields: { description: '<p>Notes:</p>\r\n<ul><li>Müller wants a <b>discount</b></li></ul>' },
    });
    expect(events[3]?.payload).toEqual({
      stage: 'Negotiation/Review',
      amountMinor: '922523',
      amountInput: '9225.225',
      closeDate: '2023-04-28',
      probability01: 0.9,
      forecastCategory: 'Commit',
    });
  });

  it('keeps blank and zero amounts apart, strips NUL bytes, and takes late stages and early close dates as they are', async () => {
    const deals = await cli.withDb((db) =>
      db.db
        .selectFrom('opportunities')
        .select(['id', 'name', 'amount_minor', 'stage', 'close_date', 'created_at', 'is_won'])
        .orderBy('id')
        .execute(),
    );
    expect(deals.map((d) => [d.name, d.amount_minor, d.stage, d.close_date])).toEqual([
      ['Café Müller – Renewal', '922523', 'Negotiation/Review', '2023-04-28'],
      ['Blank amount deal', null, 'Prospecting', '2023-05-15'],
      ['Zero amount deal', '0', 'Qualification', '2023-06-30'],
      ['Closed before it was created', '120050', 'Closed Won', '2022-12-20'],
      ['Tokyo deal', '1500000', 'Value Proposition', '2023-04-10'],
      ['Acme Corp expansion', '500000', 'Closed Lost', '2023-03-31'],
    ]);
    expect(deals[3]?.created_at).toEqual(new Date('2023-01-05T09:00:00Z'));
  });

  it('turns roles into the team tree, users into members, and owners without a user into placeholders', async () => {
    const rows = await cli.withDb(async (db) => ({
      teams: await db.db.selectFrom('teams').select(['id', 'name', 'parent_id']).orderBy('id').execute(),
      members: await sql<{ name: string; team: string; role: string }>`
        select u.name, t.name as team, m.role from memberships m join users u on u.id = m.user_id
        join teams t on t.id = m.team_id order by u.name`.execute(db.db),
      placeholder: await db.db
        .selectFrom('users')
        .selectAll()
        .where('id', '=', '005000000000009AAA')
        .executeTakeFirst(),
      activities: await db.db
        .selectFrom('activities')
        .select(['id', 'type', 'occurred_at', 'opportunity_id'])
        .orderBy('id')
        .execute(),
    }));
    expect(rows.teams.map((t) => [t.name, t.parent_id])).toEqual([
      ['CEO', null],
      ['VP Sales', '00E000000000001AAA'],
      ['East Sales', '00E000000000002AAA'],
      ['West Sales', '00E000000000002AAA'],
    ]);
    expect(rows.members.rows).toEqual([
      { name: 'Ada Lovelace', team: 'VP Sales', role: 'manager' },
      { name: 'Bob East', team: 'East Sales', role: 'rep' },
      { name: 'Cleo West', team: 'West Sales', role: 'rep' },
    ]);
    expect(rows.placeholder).toMatchObject({
      name: 'Salesforce user 005000000000009AAA',
      title: 'not in the export',
    });
    expect(rows.activities.map((a) => [a.id, a.type, a.occurred_at.toISOString()])).toEqual([
      ['00T000000000001AAA', 'call', '2023-02-09T23:00:00.000Z'],
      ['00T000000000002AAA', 'email', '2023-02-28T23:00:00.000Z'],
      ['00T000000000003AAA', 'demo', '2023-02-19T23:00:00.000Z'],
      ['00U000000000001AAA', 'meeting', '2023-03-15T13:00:00.000Z'],
    ]);
  });

  it('verifies, and importing the same export again, or its zip, adds nothing', async () => {
    expect((await cli.run(['verify', '--json'])).json<VerifyReport>()).toMatchObject({
      ok: true,
      length: '45',
    });
    expect((await cli.run(['import', 'salesforce', messy, '--json'])).json<ImportSummary>().events).toBe(0);
    const zip = await cli.run(['import', 'salesforce', join(fixtures, 'salesforce-messy.zip'), '--json']);
    expect(zip.exitCode).toBe(0);
    expect(zip.json<ImportSummary>()).toMatchObject({ events: 0, rejected: [] });
  });
});

describeEachEngine('candor import salesforce from a zip', (engine) => {
  it('imports a zipped export exactly as its folder', async () => {
    const cli = await openCliSession(engine);
    try {
      const result = await cli.run([
        'import',
        'salesforce',
        join(fixtures, 'salesforce-messy.zip'),
        '--time-zone',
        'Europe/Paris',
        '--json',
      ]);
      const summary = result.json<ImportSummary>();
      expect(summary.imported).toEqual(expectedImported);
      expect(summary.files.find((f) => f.name === 'Opportunity.csv')?.rows).toBe(6);
    } finally {
      await cli.close();
    }
  });
});
