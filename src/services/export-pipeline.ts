import { forecastCategories, type ForecastCategory } from '../core/forecast-category.js';
import type { TableColumn } from '../core/export/table-column.js';
import type { DatabaseHandle } from '../store/session.js';
import { tableDownload, type TableDownload } from './export/table-download.js';
import type { TableFormat } from './export/write-table.js';
import { getPipeline, type GetPipelineOptions, type PipelineReport } from './get-pipeline.js';

type CategoryTotal = { category: ForecastCategory; deals: number; amount: string };

/**
 * The pipeline's totals by forecast category (GET /api/pipeline for the same period, moment and
 * scope) as a CSV or XLSX file: one row per category in the pipeline's order. `now` names the
 * file of the current state.
 */
export async function exportPipeline(
  handle: DatabaseHandle,
  options: Omit<GetPipelineOptions, 'includeDeals'> & { now: Date; format: TableFormat },
): Promise<TableDownload> {
  const report = await getPipeline(handle, options);
  const asOf = report.asOf ?? options.now.toISOString();
  return tableDownload({
    name: `pipeline-${report.period}-as-of-${asOf.replace(/\.\d+Z$/, 'Z')}`,
    format: options.format,
    sheetName: 'Pipeline',
    columns: pipelineColumns(report, asOf),
    rows: forecastCategories.map((category) => ({ category, ...report.categories[category] })),
  });
}

/** `asOf`: the moment the totals stood at, now for the current state. */
export function pipelineColumns(report: PipelineReport, asOf: string): TableColumn<CategoryTotal>[] {
  // closeTo is the first day after the period: the last day counted is the day before.
  const lastDay = new Date(Date.parse(`${report.closeTo}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  return [
    { header: 'period', kind: 'text', value: () => report.period, width: 10 },
    { header: 'as of', kind: 'instant', value: () => asOf },
    { header: 'close from', kind: 'day', value: () => report.closeFrom },
    { header: 'close to', kind: 'day', value: () => lastDay },
    { header: 'forecast category', kind: 'text', value: (c) => c.category, width: 16 },
    { header: 'deals', kind: 'integer', value: (c) => c.deals },
    { header: `amount (${report.currency})`, kind: 'decimal', value: (c) => c.amount },
  ];
}
