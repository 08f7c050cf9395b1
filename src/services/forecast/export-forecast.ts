import type { TableColumn } from '../../core/export/table-column.js';
import type { DatabaseHandle } from '../../store/session.js';
import { tableDownload, type TableDownload } from '../export/table-download.js';
import type { TableFormat } from '../export/write-table.js';
import type { ForecastDealReport, ForecastReport } from './forecast-report.js';
import { getForecast, type GetForecastOptions } from './get-forecast.js';

/** One line of the file: the forecast itself, one of its three parts, or one open deal behind it. */
export type ForecastLine = {
  line: 'forecast' | 'closed won' | 'open pipeline' | 'not in pipeline' | 'deal';
  expected: string;
  p10: string | null;
  p50: string | null;
  p90: string | null;
  deals: number | null;
  method: string | null;
  note: string | null;
  deal: ForecastDealReport | null;
};

/**
 * Candor's forecast of a period (same period, as-of moment, team or person, and scope as GET
 * /api/forecast) as a CSV or XLSX file: the forecast with its P10/P50/P90, its three parts, and,
 * when the query asks for them (`deals=true`), one line per open deal with its probabilities. The
 * export only reads: unlike the page's read of the forecast as of now, it stores nothing.
 */
export async function exportForecast(
  handle: DatabaseHandle,
  options: GetForecastOptions & { format: TableFormat },
): Promise<TableDownload> {
  const report = await getForecast(handle, options);
  const subject = report.ownerId ?? report.teamId;
  return tableDownload({
    name: `forecast-${report.period}${subject === null ? '' : `-${subject}`}-as-of-${fileInstant(report.asOf)}`,
    format: options.format,
    sheetName: 'Forecast',
    columns: forecastColumns(report),
    rows: forecastLines(report),
  });
}

/** The forecast first, then its parts in the order they add up, then the deals as the report lists them. */
export function forecastLines(report: ForecastReport): ForecastLine[] {
  const part = (line: ForecastLine['line'], c: ForecastReport['components']['closedWon']): ForecastLine => ({
    line,
    expected: c.expected,
    p10: null,
    p50: null,
    p90: null,
    deals: c.deals,
    method: c.method,
    note: c.note,
    deal: null,
  });
  return [
    {
      line: 'forecast',
      expected: report.expected,
      p10: report.p10,
      p50: report.p50,
      p90: report.p90,
      deals: null,
      method: report.model.version,
      note: report.notes.join('; ') || null,
      deal: null,
    },
    part('closed won', report.components.closedWon),
    part('open pipeline', report.components.openPipeline),
    part('not in pipeline', report.components.notInPipeline),
    ...report.deals.map((deal): ForecastLine => ({
      line: 'deal',
      expected: deal.expected,
      p10: null,
      p50: null,
      p90: null,
      deals: null,
      method: null,
      note: deal.amountImputed ? 'no amount: the typical won amount stood in' : null,
      deal,
    })),
  ];
}

export function forecastColumns(report: ForecastReport): TableColumn<ForecastLine>[] {
  const money = (header: string, value: (line: ForecastLine) => string | null) =>
    ({ header: `${header} (${report.currency})`, kind: 'decimal', value }) as const;
  return [
    { header: 'period', kind: 'text', value: () => report.period, width: 10 },
    { header: 'as of', kind: 'instant', value: () => report.asOf },
    { header: 'team id', kind: 'text', value: () => report.teamId },
    { header: 'owner id', kind: 'text', value: () => report.ownerId },
    { header: 'line', kind: 'text', value: (l) => l.line, width: 16 },
    money('expected', (l) => l.expected),
    money('p10', (l) => l.p10),
    money('p50', (l) => l.p50),
    money('p90', (l) => l.p90),
    { header: 'deals', kind: 'integer', value: (l) => l.deals },
    { header: 'method', kind: 'text', value: (l) => l.method, width: 14 },
    { header: 'deal id', kind: 'text', value: (l) => l.deal?.id ?? null },
    { header: 'deal owner id', kind: 'text', value: (l) => l.deal?.ownerId ?? null },
    { header: 'stage', kind: 'text', value: (l) => l.deal?.stage ?? null },
    { header: 'close date', kind: 'day', value: (l) => l.deal?.closeDate ?? null },
    money('amount', (l) => l.deal?.amount ?? null),
    { header: 'win probability', kind: 'percent', value: (l) => l.deal?.winProbability ?? null },
    { header: 'in-period probability', kind: 'percent', value: (l) => l.deal?.inPeriodProbability ?? null },
    { header: 'probability', kind: 'percent', value: (l) => l.deal?.probability ?? null },
    { header: 'pushes', kind: 'integer', value: (l) => l.deal?.pushCount ?? null },
    { header: 'days in stage', kind: 'integer', value: (l) => l.deal?.daysInStage ?? null },
    { header: 'age in days', kind: 'integer', value: (l) => l.deal?.ageDays ?? null },
    { header: 'note', kind: 'text', value: (l) => l.note, width: 40 },
  ];
}

/** An instant for a file name, to the second: 2026-05-01T12:00:00Z. */
function fileInstant(iso: string): string {
  return iso.replace(/\.\d+Z$/, 'Z');
}
