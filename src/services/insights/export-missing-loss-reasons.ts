import type { AccessScope } from '../../core/access-scope.js';
import type { TableColumn } from '../../core/export/table-column.js';
import type { DatabaseHandle } from '../../store/session.js';
import { tableDownload, type TableDownload } from '../export/table-download.js';
import type { TableFormat } from '../export/write-table.js';
import { listMissingLossReasons } from './list-visible-insights.js';

type LostDeal = Awaited<ReturnType<typeof listMissingLossReasons>>[number];

/**
 * The lost deals without a loss reason GET /api/insights/missing-loss-reasons answers for the
 * caller (the same scope and limit), as a CSV or XLSX file, latest close first.
 */
export async function exportMissingLossReasons(
  handle: DatabaseHandle,
  options: { scope: AccessScope; limit: number; format: TableFormat },
): Promise<TableDownload> {
  const deals = await listMissingLossReasons(handle, options);
  return tableDownload({
    name: 'lost-deals-without-loss-reason',
    format: options.format,
    sheetName: 'No loss reason',
    columns: lostDealColumns,
    rows: deals,
  });
}

export const lostDealColumns: TableColumn<LostDeal>[] = [
  { header: 'deal id', kind: 'text', value: (d) => d.id, width: 16 },
  { header: 'deal', kind: 'text', value: (d) => d.name, width: 32 },
  { header: 'close date', kind: 'day', value: (d) => d.closeDate },
  { header: 'owner id', kind: 'text', value: (d) => d.ownerId, width: 12 },
];
