import type { HistoryRowData } from '../../../core/import/history-row.js';
import { mapSalesforceFieldHistory } from '../../../core/import/salesforce/map-salesforce-field-history.js';
import { mapSalesforceHistory } from '../../../core/import/salesforce/map-salesforce-history.js';
import { tallyStage, type StageTally } from '../../../core/import/stage-catalog.js';
import type { RowProblem } from '../../../core/import/row-problem.js';
import {
  createHistoryStaging,
  settleStagedHistory,
  stageHistoryRows,
  type StagedHistoryRow,
} from '../../../store/import-staging.js';
import type { Connection } from '../../../store/session.js';
import { readBatchRows } from '../for-each-row.js';
import type { SalesforceOpportunities } from './read-salesforce-opportunities.js';
import type { SalesforceRun } from './salesforce-run.js';

/**
 * Streams OpportunityHistory (snapshots) and OpportunityFieldHistory (single-field changes) into the
 * staging table as they are read, noting the stages they name. Rows of a rejected opportunity are
 * rejected with it; of rows sharing an Id, the later ones are rejected. Returns how many rows wait.
 */
export async function stageSalesforceHistory(
  conn: Connection,
  run: SalesforceRun,
  opportunities: SalesforceOpportunities,
  tally: StageTally,
): Promise<number> {
  await createHistoryStaging(conn);
  const sources = [
    { object: 'OpportunityHistory', sourceOrder: 0, required: ['Id', 'OpportunityId', 'CreatedDate'] },
    {
      object: 'OpportunityFieldHistory',
      sourceOrder: 1,
      required: ['Id', 'OpportunityId', 'CreatedDate', 'Field', 'NewValue'],
    },
  ] as const;
  let staged = 0;
  for (const source of sources) {
    const fileIndex = run.fileOf.get(source.object);
    if (fileIndex === undefined) continue;
    const rows = async function* (): AsyncGenerator<StagedHistoryRow> {
      for await (const row of readBatchRows(run.batch, fileIndex, {
        requiredColumns: source.required,
        onProgress: run.onProgress,
        progressOffset: run.progress,
      })) {
        let data: HistoryRowData | null;
        let problems: RowProblem[];
        if (source.sourceOrder === 0) {
          const mapped = mapSalesforceHistory(row, run.org.settings.timeZone);
          data = mapped.value?.row ?? null;
          problems = mapped.problems;
          if (mapped.value?.stage) tallyStage(tally, mapped.value.stage);
        } else {
          const mapped = mapSalesforceFieldHistory(row, run.org.settings.timeZone);
          data = mapped.value;
          problems = mapped.problems;
          if (mapped.value?.stage) tallyStage(tally, { name: mapped.value.stage });
        }
        if (problems.length > 0) {
          run.batch.reject(fileIndex, row, problems);
          continue;
        }
        if (!data) continue;
        const rejectedOn = opportunities.rejected.get(data.opportunityId);
        if (rejectedOn !== undefined) {
          run.batch.reject(fileIndex, row, [
            {
              column: 'OpportunityId',
              value: data.opportunityId,
              reason: `its opportunity (Opportunity.csv line ${rejectedOn}) was rejected`,
            },
          ]);
          continue;
        }
        yield {
          data,
          sourceOrder: source.sourceOrder,
          fileIndex,
          line: row.line,
          byteStart: row.byteStart,
          byteEnd: row.byteEnd,
        };
      }
    };
    staged += await stageHistoryRows(conn, rows());
  }
  for (const duplicate of await settleStagedHistory(conn)) {
    staged -= 1;
    if (duplicate.duplicates === 'drop') continue;
    run.batch.reject(duplicate.fileIndex, duplicate, [
      {
        column: 'Id',
        value: duplicate.originKey.split(':').at(-1) ?? '',
        reason: `duplicate Id: line ${duplicate.firstLine} has the same Id`,
      },
    ]);
  }
  return staged;
}
