import type { CsvRow } from '../csv-row.js';
import type { HistoryRowData } from '../history-row.js';
import { parseImportAmount } from '../parse-import-values.js';
import { RowReader } from '../row-reader.js';
import type { RowProblem } from '../row-problem.js';
import type { StageObservation } from '../stage-catalog.js';
import { salesforceId } from './salesforce-id.js';

export type MappedHistoryRow = { row: HistoryRowData; stage: StageObservation | null };

/**
 * Reads one OpportunityHistory row: a snapshot of the deal's stage, amount, close date, probability
 * and forecast category at CreatedDate. Deleted rows (IsDeleted = 1) are skipped (value null, no
 * problem).
 */
export function mapSalesforceHistory(
  row: CsvRow,
  timeZone: string,
): { value: MappedHistoryRow | null; problems: RowProblem[] } {
  const read = new RowReader(row, timeZone);
  if (read.flag('IsDeleted') === true) return { value: null, problems: [] };
  const id = read.required('Id');
  const opportunityId = salesforceId(read.required('OpportunityId'));
  const at = read.instant('CreatedDate', { required: true });
  const stage = read.text('StageName');
  const amountText = read.raw('Amount');
  if (amountText !== null) read.take('Amount', amountText, parseImportAmount(amountText, 4));
  const closeDate = read.day('CloseDate');
  const probability01 = read.probability('Probability', true);
  const forecastCategory = read.category('ForecastCategory') ?? undefined;
  if (read.problems.length > 0 || !id || !opportunityId || !at)
    return { value: null, problems: read.problems };
  const data: HistoryRowData = {
    opportunityId,
    at,
    originKey: `sf:OpportunityHistory:${id}`,
    duplicates: 'reject',
    stage: stage ?? undefined,
    amountText: amountText ?? undefined,
    closeDate: closeDate ?? undefined,
    probability01: probability01 ?? undefined,
    forecastCategory,
  };
  const observation = stage
    ? { name: stage, probability01, forecastCategory: forecastCategory ?? null }
    : null;
  return { value: { row: data, stage: observation }, problems: [] };
}
