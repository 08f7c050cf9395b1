import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { refreshProjectionStatistics } from '../../store/refresh-projection-statistics.js';
import {
  withConnection,
  withTransaction,
  type Connection,
  type DatabaseHandle,
} from '../../store/session.js';
import type { ImportBatch, ImportSummary } from './import-batch.js';
import { withHeapGrowthLimited } from './heap-growth-while-importing.js';
import { writeRejectFile } from './write-reject-file.js';

/** Thrown inside the transaction to undo a batch that has rejected rows. */
const rollback = Symbol('rollback');

/**
 * Runs an import as one batch in one transaction: all of it lands or none of it does. With rejected
 * rows and no --skip-invalid, the transaction is rolled back and the summary says what was wrong;
 * with --skip-invalid the valid rows land and the rejected records are written, untouched, to
 * reject files (after the commit, so a failed commit leaves no reject file claiming otherwise).
 */
export function runImportBatch(
  handle: DatabaseHandle,
  batch: ImportBatch,
  options: { kind: string; skipInvalid: boolean; rejectTarget: (fileIndex: number) => string },
  work: (conn: Connection) => Promise<void>,
): Promise<ImportSummary> {
  return withHeapGrowthLimited(() => runBatch(handle, batch, options, work));
}

async function runBatch(
  handle: DatabaseHandle,
  batch: ImportBatch,
  options: { kind: string; skipInvalid: boolean; rejectTarget: (fileIndex: number) => string },
  work: (conn: Connection) => Promise<void>,
): Promise<ImportSummary> {
  let summary: ImportSummary | null = null;
  try {
    await withTransaction(handle, async (conn) => {
      await work(conn);
      const lands = batch.rejectedRows === 0 || options.skipInvalid;
      if (lands) await batch.commit(conn, options.kind);
      summary = await batch.summarise(conn, lands);
      if (!lands) throw rollback;
    });
  } catch (error) {
    if (error !== rollback) throw error;
  }
  if (!summary) throw new Error('the import ended without a summary');
  const result: ImportSummary = summary;
  if (result.committed) await withConnection(handle, (conn) => refreshProjectionStatistics(conn));
  if (result.committed && options.skipInvalid) {
    for (const [fileIndex, ranges] of batch.rejectedRanges) {
      const file = batch.files[fileIndex];
      const header = batch.headers[fileIndex];
      if (!file || !header || ranges.size === 0) continue;
      const target = options.rejectTarget(fileIndex);
      await mkdir(dirname(target), { recursive: true });
      await writeRejectFile(file, header, [...ranges.values()], target);
      result.rejectFiles.push(target);
    }
  }
  return result;
}
