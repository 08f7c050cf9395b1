import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ImportSummary } from '../../src/services/import/import-batch.js';
import type { PipelineReport } from '../../src/services/get-pipeline.js';
import type { VerifyReport } from '../../src/services/verify-ledger.js';
import { describeEachEngine } from '../helpers/test-database.js';
import {
  describeWithSharedData,
  importMavenExport,
  mavenData,
  mavenMappings,
  openCliSession,
  type CliSession,
} from './import-cli-helper.js';

describeWithSharedData(
  'maven-crm',
  'candor import csv on the Maven CRM export, with the shipped mappings',
  () => {
    describeEachEngine('the Maven export', (engine) => {
      let cli: CliSession;
      const summaries: ImportSummary[] = [];
      beforeAll(async () => {
        cli = await openCliSession(engine);
        for (const result of await importMavenExport(cli)) {
          expect(result.stderr).toBe('');
          summaries.push(result.json<ImportSummary>());
        }
      }, 300_000);
      afterAll(async () => {
        await cli.close();
      });

      it('builds offices > manager teams, managers and reps, accounts and every deal', () => {
        expect(summaries.map((s) => s.imported)).toEqual([
          { 'currency.defined': 1, 'import.committed': 1, 'org.configured': 1, 'team.created': 9 },
          { 'import.committed': 1, 'user.created': 6, 'user.role_granted': 6 },
          { 'import.committed': 1, 'user.created': 35, 'user.role_granted': 35 },
          { 'account.created': 85, 'import.committed': 1 },
          // Every won or lost deal is created open, then closed: 4,238 + 2,473 changes.
          {
            'import.committed': 1,
            'opportunity.changed': 6711,
            'opportunity.created': 8800,
            'stage.defined': 4,
          },
        ]);
        expect(summaries.flatMap((s) => s.rejected)).toEqual([]);
      });

      it('answers 2017-Q1 now and as it stood before, as the CSV says by hand', async () => {
        const pipeline = async (asOf?: string) => {
          const args = ['pipeline', '--period', '2017-Q1', '--json', ...(asOf ? ['--as-of', asOf] : [])];
          return (await cli.run(args)).json<PipelineReport>().categories;
        };
        // Deals closing January–March 2017: 531 won (sum of close_value 1,134,672), 116 lost.
        expect(await pipeline()).toMatchObject({
          Pipeline: { deals: 0, amount: '0.00' },
          Closed: { deals: 531, amount: '1134672.00' },
          Omitted: { deals: 116, amount: '0.00' },
        });
        // On 15 March: deals engaged by then and closed by then, or still open (with their final value).
        expect(await pipeline('2017-03-15T00:00:00Z')).toMatchObject({
          Pipeline: { deals: 306, amount: '498503.00' },
          Closed: { deals: 260, amount: '583414.00' },
          Omitted: { deals: 50, amount: '0.00' },
        });
        expect(await pipeline('2017-02-01T00:00:00Z')).toMatchObject({
          Pipeline: { deals: 457, amount: '778505.00' },
          Closed: { deals: 0, amount: '0.00' },
        });
      });

      it('handles the export’s known defects through the mapping, not by hand', async () => {
        const rows = await cli.withDb(async (db) => ({
          deals: await db.db
            .selectFrom('opportunities')
            .select([
              'id',
              'account_id',
              'amount_minor',
              'close_date',
              'created_at',
              'stage',
              'fields',
              'owner_id',
            ])
            .where('id', 'in', ['maven:Z063OYW0', 'maven:KWVA7VR1', 'maven:HAXMC4IX', 'maven:3LCLVRVV'])
            .orderBy('id')
            .execute(),
          acme: await db.db
            .selectFrom('accounts')
            .select(['industry', 'fields'])
            .where('name', '=', 'Acme Corporation')
            .executeTakeFirst(),
          members: await sql<{
            role: string;
            n: string;
          }>`select role, count(*) as n from memberships group by role order by role`.execute(db.db),
        }));
        expect(rows.deals).toEqual([
          // Prospecting, no account, no date: dated at the end of the export.
          {
            id: 'maven:3LCLVRVV',
            account_id: null,
            amount_minor: null,
            close_date: null,
            created_at: new Date('2017-12-31T00:00:00Z'),
            stage: 'Prospecting',
            fields: { product: 'GTX Basic', listPrice: '550', series: 'GTX' },
            owner_id: 'maven:user:Anna Snelling',
          },
          // Open, engaged, no account, no close date, no value yet.
          {
            id: 'maven:HAXMC4IX',
            account_id: null,
            amount_minor: null,
            close_date: null,
            created_at: new Date('2016-11-03T00:00:00Z'),
            stage: 'Engaging',
            fields: { product: 'MG Advanced', listPrice: '3393', series: 'MG' },
            owner_id: 'maven:user:James Ascencio',
          },
          // Lost with value 0: no amount was recorded. 'GTXPro' is the price list's 'GTX Pro'.
          {
            id: 'maven:KWVA7VR1',
            account_id: 'maven:account:Genco Pura Olive Oil Company',
            amount_minor: null,
            close_date: '2017-03-18',
            created_at: new Date('2016-11-04T00:00:00Z'),
            stage: 'Lost',
            fields: { product: 'GTX Pro', listPrice: '4821', series: 'GTX' },
            owner_id: 'maven:user:Gladys Colclough',
          },
          {
            id: 'maven:Z063OYW0',
            account_id: 'maven:account:Isdom',
            amount_minor: '451400',
            close_date: '2017-03-11',
            created_at: new Date('2016-10-25T00:00:00Z'),
            stage: 'Won',
            fields: { product: 'GTX Pro', listPrice: '4821', series: 'GTX' },
            owner_id: 'maven:user:Darcel Schlecht',
          },
        ]);
        expect(rows.acme).toEqual({
          industry: 'technology',
          fields: { yearEstablished: '1996', revenueMillions: '1100.04', employees: '2822' },
        });
        expect(rows.members.rows).toEqual([
          { role: 'manager', n: '6' },
          { role: 'rep', n: '35' },
        ]);
      });

      it('verifies, and re-importing the deals adds nothing', async () => {
        const again = await cli.run([
          'import',
          'csv',
          'opportunities',
          join(mavenData, 'sales_pipeline.csv'),
          '--mapping',
          join(mavenMappings, 'opportunities.json'),
          '--json',
        ]);
        expect(again.json<ImportSummary>()).toMatchObject({ events: 0, rejected: [] });
        expect((await cli.run(['verify', '--json'])).json<VerifyReport>()).toMatchObject({
          ok: true,
          length: String(12 + 13 + 71 + 86 + 15516),
        });
      });
    });
  },
);
