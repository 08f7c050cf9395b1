import type { TableColumn } from '../../core/export/table-column.js';
import type { DatabaseHandle } from '../../store/session.js';
import { tableDownload, type TableDownload } from '../export/table-download.js';
import type { TableFormat } from '../export/write-table.js';
import { getBacktest, type GetBacktestOptions } from './get-backtest.js';
import type { BacktestMethod, BacktestReport, BacktestRow } from './run-backtest.js';

/** The methods as the accuracy page names them. */
export const backtestMethodNames: Record<BacktestMethod, string> = {
  candor: "Candor's forecast",
  'stage-weighted': 'Stage-weighted pipeline',
  'commit-plus-closed': 'Commit + closed',
  'submitted-call': 'Submitted call',
};

/**
 * The backtest GET /api/backtest answers for the same range (whole organisation, so the same
 * refusal for a narrower scope, and the same cache) as a CSV or XLSX file: one row per method,
 * quarter and week, each forecast beside what closed.
 */
export async function exportBacktest(
  handle: DatabaseHandle,
  options: GetBacktestOptions & { format: TableFormat },
): Promise<TableDownload> {
  const report = await getBacktest(handle, options);
  const first = report.periods[0]?.period;
  const last = report.periods.at(-1)?.period;
  const span =
    first === undefined || last === undefined ? report.from : first === last ? first : `${first}-to-${last}`;
  return tableDownload({
    name: `backtest-${span}`,
    format: options.format,
    sheetName: 'Backtest',
    columns: backtestColumns(report),
    rows: report.rows,
  });
}

export function backtestColumns(report: BacktestReport): TableColumn<BacktestRow>[] {
  const money = (header: string, value: (row: BacktestRow) => string | null) =>
    ({ header: `${header} (${report.currency})`, kind: 'decimal', value }) as const;
  return [
    { header: 'method id', kind: 'text', value: (r) => r.method, width: 18 },
    { header: 'method', kind: 'text', value: (r) => backtestMethodNames[r.method], width: 24 },
    { header: 'period', kind: 'text', value: (r) => r.period, width: 10 },
    { header: 'week', kind: 'integer', value: (r) => r.week },
    { header: 'as of', kind: 'instant', value: (r) => r.asOf },
    money('forecast', (r) => r.forecast),
    money('p10', (r) => r.p10),
    money('p50', (r) => r.p50),
    money('p90', (r) => r.p90),
    money('actual', (r) => r.actual),
    { header: 'error', kind: 'percent', value: errorShare },
  ];
}

/** (forecast − actual) / actual, the signed error the bias sums; empty when nothing closed. */
function errorShare(row: BacktestRow): number | null {
  const actual = Number(row.actual);
  if (actual === 0) return null;
  return Math.round(((Number(row.forecast) - actual) / actual) * 10_000) / 10_000;
}
