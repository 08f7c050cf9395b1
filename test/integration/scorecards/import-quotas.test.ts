import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { everything } from '../../../src/services/access.js';
import type { ImportSummary } from '../../../src/services/import/import-batch.js';
import { getQuotas } from '../../../src/services/quotas/get-quotas.js';
import type { VerifyReport } from '../../../src/services/verify-ledger.js';
import { describeEachEngine } from '../../helpers/test-database.js';
import {
  describeWithSharedData,
  fixtures,
  openCliSession,
  repoRoot,
  sharedData,
  type CliSession,
} from '../import-cli-helper.js';

const quotaFixtures = join(repoRoot, 'test/fixtures/quotas');

async function importCsv(cli: CliSession, entity: string, file: string, mapping: string, ...flags: string[]) {
  const result = await cli.run(['import', 'csv', entity, file, '--mapping', mapping, '--json', ...flags]);
  return { exitCode: result.exitCode, summary: result.json<ImportSummary>() };
}

describeEachEngine('candor import csv quotas, with a mapping', (engine) => {
  let cli: CliSession;
  beforeAll(async () => {
    cli = await openCliSession(engine);
    const csv = join(fixtures, 'csv');
    await importCsv(cli, 'teams', join(csv, 'people.csv'), join(csv, 'teams.mapping.json'));
    await importCsv(cli, 'users', join(csv, 'people.csv'), join(csv, 'people.mapping.json'));
  }, 120_000);
  afterAll(async () => {
    await cli.close();
  });

  it('reports every bad row and lands nothing by default', async () => {
    const { exitCode, summary } = await importCsv(
      cli,
      'quotas',
      join(quotaFixtures, 'quotas.csv'),
      join(quotaFixtures, 'quotas.mapping.json'),
      '--reject-file',
      join(cli.folder, 'q.rejected.csv'),
    );
    expect(exitCode).toBe(1);
    expect(summary.committed).toBe(false);
    expect(summary.rejected.map((r) => [r.line, r.column, r.value])).toEqual([
      [5, 'Person', 'Nobody Here'],
      [6, 'Quarter', '2026-Q5'],
      [7, null, '2026-Q2'],
      [8, 'Currency', 'GBP'],
    ]);
    expect(summary.rejected[2]?.reason).toBe('line 3 gives u:ana@example.com another quota for 2026-Q2');
    expect(summary.rejected[3]?.reason).toBe('the organisation has no currency GBP: add it in Admin first');
  });

  it('lands the valid rows with --skip-invalid, at their own dates, and a re-import adds nothing', async () => {
    const args = [
      join(quotaFixtures, 'quotas.csv'),
      join(quotaFixtures, 'quotas.mapping.json'),
      '--skip-invalid',
      '--reject-file',
      join(cli.folder, 'q.rejected.csv'),
    ] as const;
    const first = await importCsv(cli, 'quotas', ...args);
    expect(first.summary.imported).toEqual({ 'import.committed': 1, 'quota.set': 2 });
    expect(first.summary.rejectedRows).toBe(4);
    const again = await importCsv(cli, 'quotas', ...args);
    expect(again.summary.events).toBe(0);
    const q1 = await cli.withDb((db) => getQuotas(db, { period: '2026-Q1', scope: everything }));
    expect(q1.people.filter((p) => p.quota !== null).map((p) => [p.userId, p.quota])).toEqual([
      ['u:lars@example.com', '120000.00'],
    ]);
    expect(q1.set[0]?.setAt).toBe('2025-12-20T00:00:00.000Z');
    const q2 = await cli.withDb((db) => getQuotas(db, { period: '2026-Q2', scope: everything }));
    expect(q2.people.filter((p) => p.quota !== null).map((p) => [p.userId, p.quota])).toEqual([
      ['u:ana@example.com', '90000.00'],
    ]);
  });

  it("imports teams' monthly quotas from a semicolon-separated file, and says what a decimal comma is", async () => {
    const { summary } = await importCsv(
      cli,
      'quotas',
      join(quotaFixtures, 'team-quotas.csv'),
      join(quotaFixtures, 'team-quotas.mapping.json'),
      '--skip-invalid',
      '--reject-file',
      join(cli.folder, 't.rejected.csv'),
    );
    expect(summary.imported).toEqual({ 'import.committed': 1, 'quota.set': 1 });
    expect(summary.rejected.map((r) => [r.line, r.column, r.value, r.reason])).toEqual([
      [3, 'Target', '45000,5', 'expected a decimal number such as 1234.50'],
    ]);
    const january = await cli.withDb((db) => getQuotas(db, { period: '2026-01', scope: everything }));
    expect(january.teams.find((t) => t.teamId === 'EMEA / Nordic team')).toMatchObject({
      own: '40000.00',
      membersSum: '0.00',
      difference: '40000.00',
    });
  });
});

describeEachEngine('candor import salesforce with a ForecastingQuota file', (engine) => {
  let cli: CliSession;
  beforeAll(async () => {
    cli = await openCliSession(engine);
  }, 60_000);
  afterAll(async () => {
    await cli.close();
  });

  it('rejects a negative quota with its line and column', async () => {
    const result = await cli.run([
      'import',
      'salesforce',
      join(quotaFixtures, 'salesforce-quotas'),
      '--json',
      '--reject-dir',
      join(cli.folder, 'sf.rejected'),
    ]);
    expect(result.exitCode).toBe(1);
    expect(result.json<ImportSummary>().rejected.map((r) => [r.file, r.line, r.column, r.reason])).toEqual([
      ['ForecastingQuota.csv', 8, 'QuotaAmount', 'a quota cannot be negative'],
    ]);
  }, 180_000);

  it('imports the revenue quotas by quarter, skipping quantity and product-family rows', async () => {
    const result = await cli.run([
      'import',
      'salesforce',
      join(quotaFixtures, 'salesforce-quotas'),
      '--json',
      '--skip-invalid',
      '--reject-dir',
      join(cli.folder, 'sf.rejected'),
    ]);
    const summary = result.json<ImportSummary>();
    expect(summary.skippedFiles).toEqual([]);
    // Mia's two quarters, Noah's EUR quota and a placeholder owner's: the quantity and Hardware rows add nothing.
    expect(summary.imported).toMatchObject({ 'quota.set': 4, 'user.created': 3 });
    const q1 = await cli.withDb((db) => getQuotas(db, { period: '2024-Q1', scope: everything }));
    expect(q1.set.map((s) => [s.subjectId, s.amount, s.currency, s.setAt])).toEqual([
      ['005000000000001AAA', '120000.00', 'USD', '2023-12-15T10:00:00.000Z'],
      ['005000000000002AAA', '80000.00', 'EUR', '2023-12-15T10:00:00.000Z'],
      ['005000000000009AAA', '50000.00', 'USD', '2023-12-15T10:00:00.000Z'],
    ]);
    // 80,000 EUR at 1 / 0.8 = 1.25 USD.
    expect(q1.people.find((p) => p.userId === '005000000000002AAA')?.quota).toBe('100000.00');
    const q2 = await cli.withDb((db) => getQuotas(db, { period: '2024-Q2', scope: everything }));
    expect(q2.set.map((s) => [s.subjectId, s.amount])).toEqual([['005000000000001AAA', '150000.50']]);
    const verify = await cli.run(['verify', '--json']);
    expect(verify.json<VerifyReport>().problems).toEqual([]);
  }, 180_000);
});

describeWithSharedData(
  'adventureworks-quota',
  'candor import csv on AdventureWorks quotas, with the shipped mappings',
  () => {
    describeEachEngine('the AdventureWorks quota history', (engine) => {
      let cli: CliSession;
      const summaries: ImportSummary[] = [];
      const data = join(sharedData, 'adventureworks-quota');
      const mappings = join(repoRoot, 'docs/examples/adventureworks');
      beforeAll(async () => {
        cli = await openCliSession(engine);
        for (const [entity, file, mapping] of [
          ['teams', 'SalesTerritory.csv', 'territory-groups.json'],
          ['teams', 'SalesTerritory.csv', 'territories.json'],
          ['users', 'SalesPerson.csv', 'people.json'],
          ['quotas', 'SalesPersonQuotaHistory.csv', 'quotas.json'],
        ] as const) {
          const result = await importCsv(
            cli,
            entity,
            join(data, file),
            join(mappings, mapping),
            '--org-name',
            'AdventureWorks',
          );
          summaries.push(result.summary);
        }
      }, 300_000);
      afterAll(async () => {
        await cli.close();
      });

      it('imports 3 groups, 10 territories, 17 people and all 163 quarterly quotas', () => {
        expect(
          summaries.map(
            (s) => s.imported['team.created'] ?? s.imported['user.created'] ?? s.imported['quota.set'],
          ),
        ).toEqual([3, 10, 17, 163]);
        expect(summaries.every((s) => s.rejectedRows === 0)).toBe(true);
      });

      it('puts each quota in the quarter containing its QuotaDate, and sums territories and groups', async () => {
        // Rows 275 / 2013-08-30 → 1218000 and 276 / 2013-08-30 → 1276000; 275 sells in Northeast.
        const report = await cli.withDb((db) => getQuotas(db, { period: '2013-Q3', scope: everything }));
        expect(report.people.find((p) => p.userId === 'aw:275')?.quota).toBe('1218000.00');
        expect(report.people.find((p) => p.userId === 'aw:276')?.quota).toBe('1276000.00');
        // All 17 have a quota that quarter, the three sales managers without a territory too.
        expect(report.people.filter((p) => p.quota !== null)).toHaveLength(17);
        expect(report.teams.find((t) => t.teamId === 'aw:territory:2')).toMatchObject({
          name: 'Northeast',
          membersSum: '1218000.00',
          own: null,
        });
        expect(report.teams.find((t) => t.teamId === 'aw:group:Pacific')).toMatchObject({
          membersSum: '389000.00',
        });
      });

      it('adds nothing on a second import', async () => {
        const again = await importCsv(
          cli,
          'quotas',
          join(data, 'SalesPersonQuotaHistory.csv'),
          join(mappings, 'quotas.json'),
        );
        expect(again.summary.events).toBe(0);
      });
    });
  },
);
