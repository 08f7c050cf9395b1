import type { CellValue, TableColumn } from '../../core/export/table-column.js';
import type { DatabaseHandle } from '../../store/session.js';
import { asOfFileName } from '../admin/as-of-file-name.js';
import { tableDownload, type TableDownload } from '../export/table-download.js';
import type { TableFormat } from '../export/write-table.js';
import { listRecentVerifications, type VerificationReadContext } from './get-verification-jobs.js';
import type { VerificationJobView } from './verification-job-view.js';

const columns: TableColumn<VerificationJobView>[] = [
  { header: 'verification id', kind: 'text', value: (j) => j.id, width: 38 },
  { header: 'started (UTC)', kind: 'instant', value: (j) => j.startedAt },
  { header: 'finished (UTC)', kind: 'instant', value: (j) => j.finishedAt },
  { header: 'started by id', kind: 'text', value: (j) => j.actor, width: 16 },
  { header: 'started by', kind: 'text', value: (j) => j.actorName },
  { header: 'status', kind: 'text', value: (j) => j.status, width: 10 },
  { header: 'result', kind: 'text', value: (j) => describeResult(j), width: 14 },
  { header: 'chain length', kind: 'integer', value: (j) => chainLength(j.result?.length) },
  { header: 'head hash', kind: 'text', value: (j) => j.result?.head ?? null, width: 66 },
  { header: 'problems', kind: 'integer', value: (j) => j.result?.problems.length ?? null },
  { header: 'first problem', kind: 'text', value: (j) => j.result?.problems[0]?.message ?? null, width: 60 },
  { header: 'duration (ms)', kind: 'integer', value: (j) => j.result?.durationMs ?? null },
  { header: 'why it stopped', kind: 'text', value: (j) => j.error?.message ?? null, width: 48 },
];

/**
 * The verification runs GET /api/ledger/verifications lists (the same most recent ones, newest
 * first) as a CSV or XLSX file: when, by whom, the result, and the chain length and head hash it
 * checked, to keep beside a signed checkpoint.
 */
export async function exportVerificationJobs(
  handle: DatabaseHandle,
  options: VerificationReadContext & { limit: number; format: TableFormat },
): Promise<TableDownload> {
  const jobs = await listRecentVerifications(handle, options);
  return tableDownload({
    name: asOfFileName('verifications', options.now),
    format: options.format,
    sheetName: 'Verifications',
    columns,
    rows: jobs,
  });
}

/** `intact` or `problems found` once it ran to the end; nothing while it runs or when it failed. */
function describeResult(job: VerificationJobView): string | null {
  if (!job.result) return null;
  return job.result.ok ? 'intact' : 'problems found';
}

/**
 * The chain length is a bigint as text; a count a spreadsheet holds exactly up to 2^53 (far past
 * any ledger), written as text beyond that so it is never rounded.
 */
function chainLength(length: string | undefined): CellValue {
  if (length === undefined) return null;
  const count = Number(length);
  return Number.isSafeInteger(count) ? count : length;
}
