import type { TableColumn } from '../../core/export/table-column.js';
import type { DatabaseHandle } from '../../store/session.js';
import { tableDownload, type TableDownload } from '../export/table-download.js';
import type { TableFormat } from '../export/write-table.js';
import { asOfStamp, scopeCut } from './export-file-stamp.js';
import { getHygieneReport, type GetHygieneReportOptions, type HygieneReport } from './get-hygiene-report.js';

export type ExportHygieneOptions = Omit<GetHygieneReportOptions, 'trendWeeks' | 'withForecast'> & {
  format: TableFormat;
};

type Flag = HygieneReport['flags'][number];

/**
 * The hygiene flags GET /api/hygiene answers for the same moment, team, owner and scope, as a CSV
 * or XLSX file: one row per flag, in the report's order. The trend and the forecast change no flag,
 * so they are not computed.
 */
export async function exportHygieneFlags(
  handle: DatabaseHandle,
  options: ExportHygieneOptions,
): Promise<TableDownload> {
  const report = await getHygieneReport(handle, { ...options, trendWeeks: 0, withForecast: false });
  return tableDownload({
    name: `hygiene-flags${scopeCut(options)}-as-of-${asOfStamp(report.asOf)}`,
    format: options.format,
    sheetName: 'Hygiene flags',
    columns: hygieneFlagColumns(report.currency),
    rows: report.flags,
  });
}

export function hygieneFlagColumns(currency: string): TableColumn<Flag>[] {
  return [
    { header: 'deal id', kind: 'text', value: (f) => f.deal, width: 16 },
    { header: 'deal', kind: 'text', value: (f) => f.dealName, width: 32 },
    { header: 'owner id', kind: 'text', value: (f) => f.owner, width: 12 },
    { header: 'owner', kind: 'text', value: (f) => f.ownerName },
    { header: 'rule', kind: 'text', value: (f) => f.rule },
    { header: 'severity', kind: 'text', value: (f) => f.severity, width: 10 },
    { header: 'evidence', kind: 'text', value: (f) => f.evidence, width: 60 },
    { header: 'since', kind: 'instant', value: (f) => f.since },
    { header: `amount (${currency})`, kind: 'decimal', value: (f) => f.amount },
  ];
}
