import type { TableColumn } from '../../core/export/table-column.js';
import type { DatabaseHandle } from '../../store/session.js';
import { asOfFileName } from '../admin/as-of-file-name.js';
import { tableDownload, type TableDownload } from '../export/table-download.js';
import type { TableFormat } from '../export/write-table.js';
import { listRecentImportJobs, type JobReadContext } from './get-import-jobs.js';
import type { ImportJobView } from './import-job-view.js';

const columns: TableColumn<ImportJobView>[] = [
  { header: 'import id', kind: 'text', value: (j) => j.id, width: 38 },
  { header: 'kind', kind: 'text', value: (j) => j.kind, width: 10 },
  { header: 'entity', kind: 'text', value: (j) => j.entity, width: 12 },
  { header: 'file', kind: 'text', value: (j) => j.fileName, width: 32 },
  {
    header: 'files read',
    kind: 'text',
    value: (j) => j.result?.files.map((f) => f.name).join(', ') ?? null,
    width: 40,
  },
  { header: 'started by', kind: 'text', value: (j) => j.actor, width: 16 },
  { header: 'status', kind: 'text', value: (j) => j.status, width: 10 },
  { header: 'started (UTC)', kind: 'instant', value: (j) => j.createdAt },
  // A job writes its row for the last time when it ends.
  { header: 'finished (UTC)', kind: 'instant', value: (j) => (j.status === 'running' ? null : j.updatedAt) },
  {
    header: 'landed',
    kind: 'text',
    value: (j) => (j.result ? (j.result.committed ? 'yes' : 'no') : null),
    width: 8,
  },
  { header: 'events', kind: 'integer', value: (j) => j.result?.events ?? null },
  {
    header: 'rows read',
    kind: 'integer',
    value: (j) => (j.result ? j.result.files.reduce((sum, f) => sum + f.rows, 0) : null),
  },
  { header: 'rows rejected', kind: 'integer', value: (j) => j.result?.rejectedRows ?? null },
  { header: 'problem', kind: 'text', value: (j) => j.error?.message ?? null, width: 48 },
];

/**
 * The recent imports the Imports page lists (GET /api/imports: the same most recent jobs, newest
 * first) as a CSV or XLSX file: what was uploaded, by whom, when it started and ended, whether it
 * landed, and how many events it added and rows it rejected. File names come from the uploader,
 * so they are neutralised like every text cell.
 */
export async function exportImportJobs(
  handle: DatabaseHandle,
  options: JobReadContext & { limit: number; format: TableFormat },
): Promise<TableDownload> {
  const jobs = await listRecentImportJobs(handle, options);
  return tableDownload({
    name: asOfFileName('imports', options.now),
    format: options.format,
    sheetName: 'Imports',
    columns,
    rows: jobs,
  });
}
