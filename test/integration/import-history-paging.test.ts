import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { importSalesforce } from '../../src/services/import/import-salesforce.js';
import type { ImportSummary } from '../../src/services/import/import-batch.js';
import { verifyLedger } from '../../src/services/verify-ledger.js';
import { describeEachEngine, openTestDatabase, type TestDatabase } from '../helpers/test-database.js';

/**
 * A history larger than one staging page (5,000 rows) and one append group (2,000 deals), written
 * in the worst order (round-robin across deals): every deal's rows must still be folded together,
 * in time order, whichever page they come back in.
 */
const deals = 2_300;
const rowsPerDeal = 6;

function writeExport(folder: string): void {
  const id = (i: number) => `006${String(i).padStart(15, '0')}`;
  const time = (j: number) => `2023-01-${String(j + 1).padStart(2, '0')} 09:00:00`;
  const opportunities = ['Id,Name,StageName,Amount,CloseDate,CreatedDate,LastModifiedDate'];
  for (let i = 0; i < deals; i += 1) {
    opportunities.push(
      `${id(i)},Deal ${i},Prospecting,${rowsPerDeal * 100},2023-06-30,${time(0)},${time(rowsPerDeal - 1)}`,
    );
  }
  const history = ['Id,OpportunityId,CreatedDate,StageName,Amount,CloseDate,Probability,ForecastCategory'];
  for (let j = rowsPerDeal - 1; j >= 0; j -= 1) {
    for (let i = 0; i < deals; i += 1) {
      history.push(
        `008${String(j * deals + i).padStart(15, '0')},${id(i)},${time(j)},Prospecting,${(j + 1) * 100},2023-06-30,10,Pipeline`,
      );
    }
  }
  writeFileSync(join(folder, 'Opportunity.csv'), `${opportunities.join('\n')}\n`);
  writeFileSync(join(folder, 'OpportunityHistory.csv'), `${history.join('\n')}\n`);
}

describeEachEngine('importing a history of many pages', (engine) => {
  let database: TestDatabase;
  let folder: string;
  let summary: ImportSummary;
  const now = new Date('2026-01-15T12:00:00Z');
  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'candor-paging-'));
    writeExport(folder);
    database = await openTestDatabase(engine);
    summary = await importSalesforce(database, { actor: 'test', now, skipInvalid: false, path: folder });
  }, 180_000);
  afterAll(async () => {
    await database.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('creates each deal once and records each later amount as one change, in time order', async () => {
    expect(summary.imported['opportunity.created']).toBe(deals);
    expect(summary.imported['opportunity.changed']).toBe(deals * (rowsPerDeal - 1));
    const amounts = await sql<{ id: string; amounts: string[] }>`
      select entity_id as id, array_agg(coalesce(payload->>'amountMinor', '') order by business_time, seq) as amounts
      from events where entity_type = 'opportunity' and entity_id in ('006000000000000000', '006000000000002299')
      group by entity_id order by entity_id`.execute(database.db);
    expect(amounts.rows).toEqual([
      { id: '006000000000000000', amounts: ['10000', '20000', '30000', '40000', '50000', '60000'] },
      { id: '006000000000002299', amounts: ['10000', '20000', '30000', '40000', '50000', '60000'] },
    ]);
    const versions = await sql<{ n: string }>`select count(*) as n from opportunity_versions`.execute(
      database.db,
    );
    expect(Number(versions.rows[0]?.n)).toBe(deals * rowsPerDeal);
  });

  it('verifies, and a second import adds nothing', async () => {
    const report = await verifyLedger(database, { now });
    expect(report.problems).toEqual([]);
    const again = await importSalesforce(database, { actor: 'test', now, skipInvalid: false, path: folder });
    expect(again.events).toBe(0);
  });
});
