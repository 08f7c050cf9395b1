import type { TableColumn } from '../../core/export/table-column.js';
import { DomainError } from '../../core/domain-error.js';
import type { RowRejection } from '../../core/import/row-problem.js';
import {
  findImportJob,
  findImportJobRejectFiles,
  listImportJobs,
  type ImportJobRecord,
} from '../../store/import-job-queries.js';
import { withConnection, type DatabaseHandle } from '../../store/session.js';
import { tableDownload, type TableDownload } from '../export/table-download.js';
import type { TableFormat } from '../export/write-table.js';
import { toImportJobView, type ImportJobView } from './import-job-view.js';
import { decodeRejectFiles, findRejectFile } from './reject-files.js';

/** What tells a live job from an interrupted one: the time, and which jobs this process runs. */
export type JobReadContext = { now: Date; isRunningHere: (jobId: string) => boolean };

/** The most recent import jobs, newest first (without their lists of rejected values). */
export async function listRecentImportJobs(
  handle: DatabaseHandle,
  options: JobReadContext & { limit: number },
): Promise<ImportJobView[]> {
  const records = await withConnection(handle, (conn) => listImportJobs(conn, { limit: options.limit }));
  return records.map((record) => view(handle, record, options));
}

/** One import job with its progress, or its result and every rejected value (the first 10,000). */
export async function getImportJob(
  handle: DatabaseHandle,
  options: JobReadContext & { id: string },
): Promise<ImportJobView> {
  const record = await withConnection(handle, (conn) => findImportJob(conn, options.id));
  if (!record) throw new DomainError('not-found', `there is no import job ${options.id}`);
  return view(handle, record, options);
}

const rejectColumns: TableColumn<RowRejection>[] = [
  { header: 'file', kind: 'text', value: (r) => r.file },
  { header: 'line', kind: 'integer', value: (r) => r.line },
  { header: 'column', kind: 'text', value: (r) => r.column },
  { header: 'value', kind: 'text', value: (r) => r.value, width: 32 },
  { header: 'reason', kind: 'text', value: (r) => r.reason, width: 60 },
];

/**
 * A job's rejected values (file, line, column, value, reason) as a CSV or XLSX file, written like
 * every export: values from the uploaded files are neutralised against formula injection.
 */
export async function exportImportRejects(
  handle: DatabaseHandle,
  options: JobReadContext & { id: string; format: TableFormat },
): Promise<TableDownload> {
  const job = await getImportJob(handle, options);
  const rejected = job.result?.rejected ?? [];
  return tableDownload({
    name: `candor-import-${job.id}-rejects`,
    format: options.format,
    sheetName: 'Rejects',
    columns: rejectColumns,
    rows: rejected,
  });
}

/**
 * The rejected records of one uploaded file, byte for byte as uploaded (header line first), to fix
 * and import again. Not neutralised: that would change what the next import lands; they are the
 * uploader's own bytes.
 */
export async function getRejectedRecords(
  handle: DatabaseHandle,
  options: { id: string; file: string },
): Promise<{ fileName: string; bytes: Buffer }> {
  const stored = await withConnection(handle, async (conn) => ({
    job: await findImportJob(conn, options.id),
    files: await findImportJobRejectFiles(conn, options.id),
  }));
  if (!stored.job) throw new DomainError('not-found', `there is no import job ${options.id}`);
  const file = findRejectFile(decodeRejectFiles(stored.files), options.file);
  return { fileName: file.name, bytes: file.bytes };
}

function view(handle: DatabaseHandle, record: ImportJobRecord, context: JobReadContext): ImportJobView {
  return toImportJobView(record, {
    now: context.now,
    runningHere: context.isRunningHere(record.id),
    singleProcess: handle.engine === 'pglite',
  });
}
