import type { TableColumn } from '../../core/export/table-column.js';
import type { DatabaseHandle } from '../../store/session.js';
import { tableDownload, type TableDownload } from '../export/table-download.js';
import type { TableFormat } from '../export/write-table.js';
import { asOfStamp, scopeCut } from './export-file-stamp.js';
import { getInspection, type Inspection } from './get-inspection.js';

type InspectedDeal = Inspection['deals'][number];

/**
 * The inspection GET /api/hygiene/inspection answers for the same period, moment, team, owner and
 * scope, as a CSV or XLSX file: the deals riskiest first, each with its flags and what changed
 * since a week before.
 */
export async function exportInspection(
  handle: DatabaseHandle,
  options: Parameters<typeof getInspection>[1] & { format: TableFormat },
): Promise<TableDownload> {
  const inspection = await getInspection(handle, options);
  return tableDownload({
    name: `inspection-${inspection.period}${scopeCut(options)}-as-of-${asOfStamp(inspection.asOf)}`,
    format: options.format,
    sheetName: 'Inspection',
    columns: inspectionColumns(inspection),
    rows: inspection.deals,
  });
}

export function inspectionColumns(inspection: Inspection): TableColumn<InspectedDeal>[] {
  return [
    { header: 'period', kind: 'text', value: () => inspection.period, width: 10 },
    { header: 'deal id', kind: 'text', value: (d) => d.deal, width: 16 },
    { header: 'deal', kind: 'text', value: (d) => d.dealName, width: 32 },
    { header: 'owner id', kind: 'text', value: (d) => d.owner, width: 12 },
    { header: 'owner', kind: 'text', value: (d) => d.ownerName },
    { header: 'stage', kind: 'text', value: (d) => d.stage, width: 18 },
    { header: 'forecast category', kind: 'text', value: (d) => d.forecastCategory, width: 12 },
    { header: 'closed', kind: 'text', value: (d) => (d.isClosed ? 'yes' : 'no'), width: 8 },
    { header: 'close date', kind: 'day', value: (d) => d.closeDate },
    { header: `amount (${inspection.currency})`, kind: 'decimal', value: (d) => d.amount },
    { header: 'risk', kind: 'number', value: (d) => d.risk },
    { header: 'risk level', kind: 'text', value: (d) => d.level, width: 10 },
    { header: 'risk summary', kind: 'text', value: (d) => d.summary, width: 48 },
    { header: 'flags', kind: 'text', value: (d) => d.rules.join(', '), width: 32 },
    {
      header: 'since last week',
      kind: 'text',
      value: (d) => d.changes.map((c) => c.text).join('; '),
      width: 48,
    },
  ];
}
