import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ImportSummary } from '../../src/services/import/import-batch.js';
import type { VerifyReport } from '../../src/services/verify-ledger.js';
import { describeEachEngine } from '../helpers/test-database.js';
import { fixtures, openCliSession, type CliSession } from './import-cli-helper.js';

const bad = join(fixtures, 'salesforce-bad');

/** The file's physical lines, as bytes, split on its line break. */
function physicalLines(path: string, lineBreak: string): Buffer[] {
  const bytes = readFileSync(path);
  const lines: Buffer[] = [];
  let from = 0;
  for (let at = bytes.indexOf(lineBreak); at !== -1; at = bytes.indexOf(lineBreak, from)) {
    lines.push(bytes.subarray(from, at));
    from = at + lineBreak.length;
  }
  return lines;
}

const expectedRejections = [
  {
    file: 'Opportunity.csv',
    line: 3,
    column: 'CloseDate',
    value: '2023-02-30 00:00:00',
    reason: 'not a real calendar date',
  },
  {
    file: 'Opportunity.csv',
    line: 5,
    column: 'Amount',
    value: '12x34',
    reason: 'expected a decimal number such as 1234.50',
  },
  {
    file: 'Opportunity.csv',
    line: 6,
    column: 'Id',
    value: '006000000000011AAA',
    reason: 'duplicate Id: the same opportunity is on line 2',
  },
  {
    file: 'OpportunityHistory.csv',
    line: 3,
    column: 'OpportunityId',
    value: '006000000000012AAA',
    reason: 'its opportunity (Opportunity.csv line 3) was rejected',
  },
  {
    file: 'OpportunityHistory.csv',
    line: 4,
    column: 'CloseDate',
    value: 'not a date',
    reason: 'expected a date such as 2018-08-22',
  },
];

describeEachEngine('an import with bad rows', (engine) => {
  let cli: CliSession;
  beforeAll(async () => {
    cli = await openCliSession(engine);
  });
  afterAll(async () => {
    await cli.close();
  });

  it('lands nothing by default, exits non-zero, and reports every bad value with file, line and column', async () => {
    const result = await cli.run([
      'import',
      'salesforce',
      bad,
      '--reject-dir',
      join(cli.folder, 'unused'),
      '--json',
    ]);
    expect(result.exitCode).toBe(1);
    const summary = result.json<ImportSummary>();
    expect(summary).toMatchObject({
      committed: false,
      events: 0,
      imported: {},
      rejectedRows: 5,
      rejectFiles: [],
    });
    expect(summary.rejected).toEqual(expectedRejections);
    expect(existsSync(join(cli.folder, 'unused'))).toBe(false);
    expect((await cli.run(['verify', '--json'])).json<VerifyReport>()).toMatchObject({
      ok: true,
      length: '0',
    });
  });

  it('with --skip-invalid lands the valid rows and writes the rejected records byte for byte', async () => {
    const rejects = join(cli.folder, 'rejects');
    const result = await cli.run([
      'import',
      'salesforce',
      bad,
      '--skip-invalid',
      '--reject-dir',
      rejects,
      '--json',
    ]);
    expect(result.exitCode).toBe(0);
    const summary = result.json<ImportSummary>();
    expect(summary.rejected).toEqual(expectedRejections);
    expect(summary.imported).toMatchObject({ 'opportunity.created': 2, 'import.committed': 1 });
    expect(summary.rejectFiles).toEqual([
      join(rejects, 'Opportunity.csv'),
      join(rejects, 'OpportunityHistory.csv'),
    ]);

    // Windows-1252 bytes and CRLF kept; the bad-date record spans lines 3 and 4.
    const opportunities = physicalLines(join(bad, 'Opportunity.csv'), '\r\n');
    const expected = Buffer.concat(
      [opportunities[0]!, opportunities[2]!, opportunities[3]!, opportunities[4]!, opportunities[5]!].flatMap(
        (l) => [l, Buffer.from('\r\n')],
      ),
    );
    expect(readFileSync(join(rejects, 'Opportunity.csv'))).toEqual(expected);
    expect(
      readFileSync(join(rejects, 'Opportunity.csv')).includes(Buffer.from([0x64, 0xe9, 0x6a, 0xe0])),
    ).toBe(true);
    const history = physicalLines(join(bad, 'OpportunityHistory.csv'), '\n');
    expect(readFileSync(join(rejects, 'OpportunityHistory.csv'), 'utf8')).toBe(
      `${[history[0], history[2], history[3]].join('\n')}\n`,
    );

    const deals = await cli.withDb((db) =>
      db.db.selectFrom('opportunities').select(['id', 'name', 'fields']).orderBy('id').execute(),
    );
    expect(deals).toEqual([
      { id: '006000000000011AAA', name: 'Good deal A', fields: { description: 'Plain' } },
      { id: '006000000000014AAA', name: 'Good deal C', fields: { description: 'Ünïcödé' } },
    ]);
  });
});
