import type { TableColumn } from '../../core/export/table-column.js';
import type { DatabaseHandle } from '../../store/session.js';
import { asOfFileName } from '../admin/as-of-file-name.js';
import { tableDownload, type TableDownload } from '../export/table-download.js';
import type { TableFormat } from '../export/write-table.js';
import { getTargets, type TargetReport } from './get-targets.js';

type Target = TargetReport['targets'][number];

const columns: TableColumn<Target>[] = [
  { header: 'role', kind: 'text', value: (t) => t.role, width: 10 },
  { header: 'indicator', kind: 'text', value: (t) => t.indicator, width: 28 },
  { header: 'label', kind: 'text', value: (t) => t.label, width: 32 },
  { header: 'unit', kind: 'text', value: (t) => t.unit, width: 24 },
  { header: 'target', kind: 'number', value: (t) => Number(t.value) },
  { header: 'source', kind: 'text', value: (t) => t.source, width: 8 },
  { header: 'default', kind: 'number', value: (t) => Number(t.defaultValue) },
];

/**
 * The target of every indicator for every role (GET /api/targets) as a CSV or XLSX file: what an
 * admin set, else the default, beside the default. Targets are counts, multiples and shares, never
 * money, so they are plain numbers.
 */
export async function exportTargets(
  handle: DatabaseHandle,
  options: { format: TableFormat; now: Date },
): Promise<TableDownload> {
  const report = await getTargets(handle);
  return tableDownload({
    name: asOfFileName('targets', options.now),
    format: options.format,
    sheetName: 'Targets',
    columns,
    rows: report.targets,
  });
}
