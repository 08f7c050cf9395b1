import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ImportSummary } from '../../src/services/import/import-batch.js';
import type { PipelineReport } from '../../src/services/get-pipeline.js';
import type { VerifyReport } from '../../src/services/verify-ledger.js';
import { describeEachEngine } from '../helpers/test-database.js';
import { describeWithSharedData, openCliSession, sharedData, type CliSession } from './import-cli-helper.js';

const sample = join(sharedData, 'salesforce-sample');

describeWithSharedData(
  'salesforce-sample',
  'candor import salesforce on the Salesforce sample export',
  () => {
    describeEachEngine('the sample', (engine) => {
      let cli: CliSession;
      let first: ImportSummary;
      beforeAll(async () => {
        cli = await openCliSession(engine);
        const result = await cli.run(['import', 'salesforce', sample, '--json']);
        expect(result.exitCode).toBe(0);
        first = result.json<ImportSummary>();
      });
      afterAll(async () => {
        await cli.close();
      });

      it('creates the organisation from the files and records every deal with its history', () => {
        expect(first.committed).toBe(true);
        expect(first.organisationCreated).toBe(true);
        expect(first.imported).toEqual({
          'account.created': 12,
          'currency.defined': 1,
          'import.committed': 1,
          // MainCompetitors__c names competitors on deals: one competitor mention per deal and name.
          'insight.captured': 18,
          // 31 deals; each history's second snapshot moves the close date from 2013 to 2018.
          'opportunity.changed': 31,
          'opportunity.created': 31,
          'org.configured': 1,
          // Nine stages appear in the data (no deal is Closed Lost).
          'stage.defined': 9,
          // The export has no User file: the one owner id becomes a placeholder user.
          'user.created': 1,
        });
        expect(first.events).toBe(105);
        expect(first.rejected).toEqual([]);
        expect(first.files.map((f) => [f.name, f.rows, f.encoding])).toEqual([
          ['Account.csv', 12, 'utf-8'],
          ['Opportunity.csv', 31, 'utf-8'],
          ['OpportunityHistory.csv', 62, 'utf-8'],
        ]);
      });

      it('answers the pipeline of 2018-Q3 with the counts and amounts of the CSV', async () => {
        const report = (await cli.run(['pipeline', '--period', '2018-Q3', '--json'])).json<PipelineReport>();
        // Open deals closing July–September 2018 (all "Pipeline" in the export): 15000 + 125000 +
        // 15000 + 270000 + 100000 + 80000 + 270000 + 100000 + 120000 + 675000; Closed Won: 13 deals.
        expect(report.categories).toEqual({
          Pipeline: { deals: 10, amount: '1770000.00' },
          'Best Case': { deals: 0, amount: '0.00' },
          Commit: { deals: 0, amount: '0.00' },
          Closed: { deals: 13, amount: '3240000.00' },
          Omitted: { deals: 0, amount: '0.00' },
        });
        // Every history row was created at 2018-10-13 17:16:45: a second before, nothing existed.
        const before = (
          await cli.run(['pipeline', '--period', '2018-Q3', '--as-of', '2018-10-13T17:16:44Z', '--json'])
        ).json<PipelineReport>();
        expect(Object.values(before.categories).map((c) => c.deals)).toEqual([0, 0, 0, 0, 0]);
      });

      it('verifies, and a second import of the same folder adds no events', async () => {
        const again = await cli.run(['import', 'salesforce', sample, '--json']);
        expect(again.exitCode).toBe(0);
        expect(again.json<ImportSummary>()).toMatchObject({ committed: true, events: 0, imported: {} });
        const verify = await cli.run(['verify', '--json']);
        expect(verify.exitCode).toBe(0);
        expect(verify.json<VerifyReport>()).toMatchObject({ ok: true, length: '105', problems: [] });
      });

      it('turns a changed row into exactly one change event at its LastModifiedDate', async () => {
        const changed = join(cli.folder, 'changed-export');
        cpSync(sample, changed, { recursive: true });
        const path = join(changed, 'Opportunity.csv');
        const lines = readFileSync(path, 'utf8').split('\n');
        const at = lines.findIndex((l) => l.startsWith('"0064600000J5S5TAAV"'));
        const values = (lines[at] ?? '').split('","');
        values[8] = '17500'; // Amount
        values[26] = '2018-11-01 09:00:00'; // LastModifiedDate
        lines[at] = values.join('","');
        writeFileSync(path, lines.join('\n'));

        const result = await cli.run(['import', 'salesforce', changed, '--json']);
        const summary = result.json<ImportSummary>();
        expect(summary.imported).toEqual({ 'import.committed': 1, 'opportunity.changed': 1 });
        const events = await cli.withDb(async (db) =>
          db.db
            .selectFrom('events')
            .select(['business_time', 'payload', 'origin_key', 'batch_id', 'source'])
            .where('entity_id', '=', '0064600000J5S5TAAV')
            .orderBy('seq', 'desc')
            .limit(1)
            .execute(),
        );
        expect(events).toEqual([
          {
            business_time: new Date('2018-11-01T09:00:00Z'),
            payload: { amountMinor: '1750000' },
            origin_key: `sf:Opportunity:0064600000J5S5TAAV:changed@${summary.batchId}`,
            batch_id: summary.batchId,
            source: 'import',
          },
        ]);
        const report = (await cli.run(['pipeline', '--period', '2018-Q3', '--json'])).json<PipelineReport>();
        expect(report.categories.Pipeline).toEqual({ deals: 10, amount: '1772500.00' });
        // As of before the change, the deal still had its old amount.
        const asOf = (
          await cli.run(['pipeline', '--period', '2018-Q3', '--as-of', '2018-11-01T08:59:59Z', '--json'])
        ).json<PipelineReport>();
        expect(asOf.categories.Pipeline).toEqual({ deals: 10, amount: '1770000.00' });
      });
    });
  },
);
