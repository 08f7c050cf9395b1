import type { TableColumn } from '../../core/export/table-column.js';
import type { Stage } from '../../core/stage.js';
import type { DatabaseHandle } from '../../store/session.js';
import { tableDownload, type TableDownload } from '../export/table-download.js';
import type { TableFormat } from '../export/write-table.js';
import { asOfFileName } from './as-of-file-name.js';
import { yesNo } from './export-admin-users.js';
import { listAdminStages } from './save-stage.js';

const columns: TableColumn<Stage>[] = [
  { header: 'order', kind: 'integer', value: (s) => s.order, width: 8 },
  { header: 'stage', kind: 'text', value: (s) => s.name },
  { header: 'probability', kind: 'percent', value: (s) => s.probability01 },
  { header: 'forecast category', kind: 'text', value: (s) => s.forecastCategory, width: 16 },
  { header: 'closed', kind: 'text', value: (s) => yesNo(s.isClosed), width: 8 },
  { header: 'won', kind: 'text', value: (s) => yesNo(s.isWon), width: 8 },
  { header: 'required fields', kind: 'text', value: (s) => s.requiredFields.join(', '), width: 32 },
  { header: 'active', kind: 'text', value: (s) => yesNo(s.active), width: 8 },
];

/**
 * The sales stages the Stages tab shows (GET /api/admin/stages), retired ones included, in process
 * order, as a CSV or XLSX file; the probability is a share (0.1 is shown as 10.0 % in a spreadsheet).
 */
export async function exportAdminStages(
  handle: DatabaseHandle,
  options: { format: TableFormat; now: Date },
): Promise<TableDownload> {
  return tableDownload({
    name: asOfFileName('stages', options.now),
    format: options.format,
    sheetName: 'Stages',
    columns,
    rows: await listAdminStages(handle),
  });
}
