import {
  mapSalesforceOpportunity,
  type SalesforceOpportunity,
} from '../../../core/import/salesforce/map-salesforce-opportunity.js';
import { tallyStage, type StageTally } from '../../../core/import/stage-catalog.js';
import { readBatchRows } from '../for-each-row.js';
import { currencyDecimals, useCurrency } from '../import-organisation.js';
import type { SalesforceRun } from './salesforce-run.js';

export type SalesforceOpportunities = {
  byId: Map<string, SalesforceOpportunity>;
  /** Ids of rejected rows, with the line they are on: their history is rejected with them. */
  rejected: Map<string, number>;
};

/**
 * Reads Opportunity.csv whole: one entry per opportunity (memory grows with opportunities, not
 * with history rows). Notes each row's stage facts and currency; a second row with an Id already
 * seen is rejected.
 */
export async function readSalesforceOpportunities(
  run: SalesforceRun,
  tally: StageTally,
): Promise<SalesforceOpportunities> {
  const byId = new Map<string, SalesforceOpportunity>();
  const rejected = new Map<string, number>();
  const fileIndex = run.fileOf.get('Opportunity');
  if (fileIndex === undefined) return { byId, rejected };
  const currencies = {
    corporate: run.org.settings.corporateCurrency,
    decimals: (code: string) => currencyDecimals(run.org, code),
  };
  for await (const row of readBatchRows(run.batch, fileIndex, {
    requiredColumns: ['Id', 'StageName'],
    onProgress: run.onProgress,
    progressOffset: run.progress,
  })) {
    const mapped = mapSalesforceOpportunity(row, { timeZone: run.org.settings.timeZone, currencies });
    const id = mapped.value?.id ?? row.fields[row.header.index.get('id') ?? -1]?.trim() ?? '';
    const first = byId.get(id)?.line ?? rejected.get(id);
    if (mapped.value && first !== undefined) {
      run.batch.reject(fileIndex, row, [
        { column: 'Id', value: id, reason: `duplicate Id: the same opportunity is on line ${first}` },
      ]);
      continue;
    }
    if (!mapped.value) {
      run.batch.reject(fileIndex, row, mapped.problems);
      if (id && !byId.has(id)) rejected.set(id, row.line);
      continue;
    }
    byId.set(id, mapped.value);
    useCurrency(run.org, mapped.value.values.currency);
    tallyStage(tally, mapped.value.stage);
  }
  return { byId, rejected };
}
