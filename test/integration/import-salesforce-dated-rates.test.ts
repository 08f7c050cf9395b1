import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ImportSummary } from '../../src/services/import/import-batch.js';
import type { PipelineReport } from '../../src/services/get-pipeline.js';
import type { VerifyReport } from '../../src/services/verify-ledger.js';
import { describeEachEngine } from '../helpers/test-database.js';
import { fixtures, openCliSession, type CliSession } from './import-cli-helper.js';

/**
 * An export with dated exchange rates: EUR has three ranges in DatedConversionRate (0.8, 0.9 and
 * 0.75 euros per dollar, changing on 1 April and 1 July 2023) while CurrencyType only knows today's
 * 0.75; GBP has a CurrencyType rate only.
 */
const exported = join(fixtures, 'salesforce-dated-rates');

describeEachEngine('candor import salesforce with DatedConversionRate', (engine) => {
  let cli: CliSession;
  let summary: ImportSummary;
  beforeAll(async () => {
    cli = await openCliSession(engine);
    const result = await cli.run(['import', 'salesforce', exported, '--json']);
    expect(result.exitCode).toBe(0);
    summary = result.json<ImportSummary>();
  });
  afterAll(async () => {
    await cli.close();
  });

  it('records one rate per dated range, and the CurrencyType rate only for currencies without ranges', async () => {
    expect(summary.rejected).toEqual([]);
    expect(summary.imported['currency.rate_set']).toBe(4);
    expect(summary.files.find((f) => f.name === 'DatedConversionRate.csv')?.rows).toBe(4);
    const rates = await cli.withDb((db) =>
      db.db
        .selectFrom('currency_rates')
        .select(['code', 'valid_from', 'rate'])
        .orderBy('code')
        .orderBy('valid_from')
        .execute(),
    );
    // Dollars per unit: 1 / 0.8, 1 / 0.9, 1 / 0.75; GBP 1 / 0.8 from the day CurrencyType was set.
    expect(rates.map((r) => [r.code, r.valid_from, r.rate])).toEqual([
      ['EUR', '0001-01-01', '1.25'],
      ['EUR', '2023-04-01', '1.111111111111111111'],
      ['EUR', '2023-07-01', '1.333333333333333333'],
      ['GBP', '2022-12-01', '1.25'],
    ]);
  });

  it('converts each deal at the rate in force on its close date', async () => {
    const q2 = (
      await cli.run(['pipeline', '--period', '2023-Q2', '--deals', '--json'])
    ).json<PipelineReport>();
    // Lyon: EUR 10,000.00 closing 20 May, in the April–June range: × 1.111… = 11,111.11 (not the
    // 12,500.00 of the first range nor the 13,333.33 of CurrencyType's rate). Leeds: GBP 800 × 1.25.
    expect(q2.categories).toEqual({
      Pipeline: { deals: 1, amount: '2500.00' },
      'Best Case': { deals: 1, amount: '1000.00' },
      Commit: { deals: 1, amount: '11111.11' },
      Closed: { deals: 0, amount: '0.00' },
      Omitted: { deals: 0, amount: '0.00' },
    });
    const q1 = (await cli.run(['pipeline', '--period', '2023-Q1', '--json'])).json<PipelineReport>();
    // Berlin: EUR 4,000 won on 15 March, first range: × 1.25.
    expect(q1.categories.Closed).toEqual({ deals: 1, amount: '5000.00' });
    const q3 = (await cli.run(['pipeline', '--period', '2023-Q3', '--json'])).json<PipelineReport>();
    // Porto: EUR 3,000 closing 15 July, third range: × 1.333… = 4,000.00.
    expect(q3.categories.Pipeline).toEqual({ deals: 1, amount: '4000.00' });
  });

  it('verifies, and importing the same export again adds nothing', async () => {
    expect((await cli.run(['verify', '--json'])).json<VerifyReport>()).toMatchObject({ ok: true });
    const again = (await cli.run(['import', 'salesforce', exported, '--json'])).json<ImportSummary>();
    expect(again).toMatchObject({ events: 0, rejected: [] });
  });

  it('adds a new range of a later export as one more rate', async () => {
    const later = join(cli.folder, 'later-export');
    cpSync(exported, later, { recursive: true });
    const file = join(later, 'DatedConversionRate.csv');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(
        '0.75,2023-07-01,9999-12-31',
        '0.75,2023-07-01,2023-10-01\n04w000000000005AAA,EUR,0.8,2023-10-01,9999-12-31',
      ),
    );
    const result = (await cli.run(['import', 'salesforce', later, '--json'])).json<ImportSummary>();
    expect(result.imported).toEqual({ 'currency.rate_set': 1, 'import.committed': 1 });
    const rate = await cli.withDb((db) =>
      db.db
        .selectFrom('currency_rates')
        .select('rate')
        .where('code', '=', 'EUR')
        .where('valid_from', '=', '2023-10-01')
        .executeTakeFirst(),
    );
    expect(rate?.rate).toBe('1.25');
  });
});

describeEachEngine('candor import salesforce with bad dated rates', (engine) => {
  let cli: CliSession;
  let summary: ImportSummary;
  beforeAll(async () => {
    cli = await openCliSession(engine);
    const bad = join(cli.folder, 'bad-export');
    cpSync(exported, bad, { recursive: true });
    writeFileSync(
      join(bad, 'DatedConversionRate.csv'),
      [
        'Id,IsoCode,ConversionRate,StartDate,NextStartDate',
        '04w000000000002AAA,EUR,0.8,0001-01-01,2023-04-01',
        '04w000000000003AAA,EUR,-0.9,2023-04-01,2023-07-01',
        '04w000000000004AAA,EUR,0.75,2023-07-01,2023-06-01',
        '04w000000000005AAA,EUR,0.7,0001-01-01,2023-04-01',
        '',
      ].join('\n'),
    );
    summary = (await cli.run(['import', 'salesforce', bad, '--json'])).json<ImportSummary>();
  });
  afterAll(async () => {
    await cli.close();
  });

  it('reports each bad row with file, line, column, value and reason, and lands nothing', async () => {
    expect(summary.committed).toBe(false);
    expect(summary.rejected).toEqual([
      {
        file: 'DatedConversionRate.csv',
        line: 3,
        column: 'ConversionRate',
        value: '-0.9',
        reason: 'expected a positive decimal number',
      },
      {
        file: 'DatedConversionRate.csv',
        line: 4,
        column: 'NextStartDate',
        value: '2023-06-01',
        reason: 'the next range must start after this one (StartDate 2023-07-01)',
      },
      {
        file: 'DatedConversionRate.csv',
        line: 5,
        column: 'StartDate',
        value: '0001-01-01',
        reason: 'line 2 already gives EUR a rate from this day',
      },
    ]);
    const events = await cli.withDb(async (db) =>
      Number(
        (
          await db.db
            .selectFrom('events')
            .select((e) => e.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    );
    expect(events).toBe(0);
  });
});
