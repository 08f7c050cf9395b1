import { fieldsOf } from '../../../core/import/fold-opportunity-timeline.js';
import { mapMappedHistory } from '../../../core/import/mapping/map-mapped-opportunity.js';
import { specColumn } from '../../../core/import/mapping/read-mapped-value.js';
import {
  createHistoryStaging,
  settleStagedHistory,
  stageHistoryRows,
  type StagedHistoryRow,
} from '../../../store/import-staging.js';
import type { Connection } from '../../../store/session.js';
import { readBatchRows } from '../for-each-row.js';
import { currencyDecimals, establishOrganisation } from '../import-organisation.js';
import { replayStagedHistory } from '../replay-staged-history.js';
import type { CsvRun } from './csv-run.js';

/**
 * History snapshots of opportunities Candor already holds, at their own times: each row that
 * changes the deal becomes a change event. Rows stream through the staging table (a million rows is
 * a normal import). A deal's current state is what its opportunities file said: when the history
 * ends elsewhere, one last change (at the deal's latest time) restores it.
 */
export async function importMappedHistory(conn: Connection, run: CsvRun): Promise<void> {
  await establishOrganisation(conn, run.org, run.batch);
  await createHistoryStaging(conn);
  const rows = async function* (): AsyncGenerator<StagedHistoryRow> {
    for await (const row of readBatchRows(run.batch, run.fileIndex, { onProgress: run.onProgress })) {
      const mapped = mapMappedHistory(row, run.context);
      if (!mapped.value) {
        run.batch.reject(run.fileIndex, row, mapped.problems);
        continue;
      }
      yield {
        data: mapped.value,
        sourceOrder: 0,
        fileIndex: run.fileIndex,
        line: row.line,
        byteStart: row.byteStart,
        byteEnd: row.byteEnd,
      };
    }
  };
  let staged = await stageHistoryRows(conn, rows());
  const { mapping } = run.context;
  const idColumn = specColumn(mapping.fields.id ?? { column: 'id' });
  const idKeyPrefix = `${mapping.source}:history:${mapping.idPrefix}`;
  for (const duplicate of await settleStagedHistory(conn)) {
    staged -= 1;
    if (duplicate.duplicates === 'drop') continue;
    run.batch.reject(duplicate.fileIndex, duplicate, [
      {
        column: idColumn,
        value: duplicate.originKey.slice(idKeyPrefix.length),
        reason: `duplicate id: line ${duplicate.firstLine} has the same id`,
      },
    ]);
  }
  await replayStagedHistory(conn, {
    batch: run.batch,
    currencyOf: (_id, current) => current?.currency ?? null,
    currencyDecimals: (code) => currencyDecimals(run.org, code),
    plan: (group, ledger) => {
      if (!ledger.current)
        return { reject: `opportunity ${group.id} is not in Candor: import the opportunities first` };
      return {
        id: group.id,
        stages: run.context.stages,
        existing: ledger.events,
        positions: group.positions,
        current: ledger.current,
        creation: null,
        items: group.items,
        target: {
          at: ledger.current.updatedAt,
          originKey: `${run.context.mapping.source}:opportunity:${group.id}:restored@${run.batch.id}`,
          fields: fieldsOf(ledger.current),
        },
      };
    },
    stagedRows: staged,
    opportunityColumn: specColumn(run.context.mapping.fields.opportunityId ?? { column: 'opportunityId' }),
    onProgress: run.onProgress,
  });
}
