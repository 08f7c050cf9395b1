import { hasColumn, recordShapeProblem, type CsvRow } from '../../core/import/csv-row.js';
import { DomainError } from '../../core/domain-error.js';
import type { ImportBatch, ImportProgress } from './import-batch.js';
import { openCsvTable } from './import-file.js';

export type RowVisitOptions = {
  requiredColumns?: readonly string[];
  onProgress?: ((progress: ImportProgress) => void) | undefined;
  /** Bytes already read by earlier files, so one bar covers the whole import. */
  progressOffset?: { done: number; total: number };
};

/**
 * Reads every data row of one of the batch's files, counting it, rejecting the rows that are not
 * even valid CSV (or have the wrong number of values), and handing the others to `visit`. A file
 * without a column the import cannot do without is refused as a whole, before anything is read.
 */
export async function* readBatchRows(
  batch: ImportBatch,
  fileIndex: number,
  options: RowVisitOptions = {},
): AsyncGenerator<CsvRow> {
  const file = batch.files[fileIndex];
  if (!file) return;
  const progress = options.progressOffset ?? { done: 0, total: file.size };
  const table = await openCsvTable(file, (bytes) => {
    progress.done += bytes;
    options.onProgress?.({
      phase: `reading ${file.name}`,
      done: progress.done,
      total: progress.total,
      unit: 'bytes',
    });
  });
  batch.headers[fileIndex] = table.header;
  if (!table.header) return;
  const missing = (options.requiredColumns ?? []).filter((c) => !hasColumn(table.header!, c));
  if (missing.length > 0) {
    throw new DomainError('invalid-input', `${file.name} has no ${missing.join(', ')} column`, [
      { where: file.name, line: 1, reason: `the header must name ${missing.join(', ')}` },
    ]);
  }
  for await (const row of table.rows) {
    batch.countRow(fileIndex);
    const problem = recordShapeProblem(row);
    if (problem) {
      batch.reject(fileIndex, row, [{ column: null, value: '', reason: problem }]);
      continue;
    }
    yield row;
  }
}
