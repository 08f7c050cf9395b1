import type { TableColumn } from '../../core/export/table-column.js';
import type { DatabaseHandle } from '../../store/session.js';
import { asOfFileName } from '../admin/as-of-file-name.js';
import { tableDownload, type TableDownload } from '../export/table-download.js';
import type { TableFormat } from '../export/write-table.js';
import { listDigestLog } from './list-digest-log.js';

type Delivery = Awaited<ReturnType<typeof listDigestLog>>[number];

const columns: TableColumn<Delivery>[] = [
  { header: 'delivery id', kind: 'text', value: (d) => d.id, width: 38 },
  { header: 'run id', kind: 'text', value: (d) => d.runId, width: 38 },
  { header: 'created (UTC)', kind: 'instant', value: (d) => d.createdAt },
  { header: 'finished (UTC)', kind: 'instant', value: (d) => d.finishedAt },
  { header: 'channel', kind: 'text', value: (d) => d.channel, width: 10 },
  { header: 'audience', kind: 'text', value: (d) => d.audience, width: 10 },
  { header: 'recipient', kind: 'text', value: (d) => d.recipient, width: 32 },
  { header: 'subject', kind: 'text', value: (d) => d.subject, width: 48 },
  { header: 'status', kind: 'text', value: (d) => d.status, width: 8 },
  { header: 'attempts', kind: 'integer', value: (d) => d.attempts },
  { header: 'last error', kind: 'text', value: (d) => d.lastError, width: 48 },
];

/**
 * The digest delivery log (GET /api/admin/digests/deliveries: the same latest deliveries, newest
 * first) as a CSV or XLSX file.
 */
export async function exportDigestDeliveries(
  handle: DatabaseHandle,
  options: { limit: number; format: TableFormat; now: Date },
): Promise<TableDownload> {
  return tableDownload({
    name: asOfFileName('digest-deliveries', options.now),
    format: options.format,
    sheetName: 'Digest deliveries',
    columns,
    rows: await listDigestLog(handle, { limit: options.limit }),
  });
}
