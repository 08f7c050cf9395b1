import type {
  ReportCard as ScorecardCard,
  ReportIndicator as ScorecardIndicator,
  ScorecardsReport as ScorecardReport,
} from './scorecard-report.js';
import type { CellValue, ColumnKind, TableColumn } from '../../core/export/table-column.js';
import type { DatabaseHandle } from '../../store/session.js';
import { tableDownload, type TableDownload } from '../export/table-download.js';
import type { TableFormat } from '../export/write-table.js';
import { getScorecards, type GetScorecardsOptions } from './get-scorecards.js';

/**
 * The scorecards the page shows (same period, team, person and scope) as a CSV or XLSX file: one
 * row per team, then one per person, with every indicator's value, target and status.
 */
export async function exportScorecards(
  handle: DatabaseHandle,
  options: GetScorecardsOptions & { format: TableFormat },
): Promise<TableDownload> {
  const report = await getScorecards(handle, options);
  const who = options.ownerId ?? options.teamId;
  return tableDownload({
    name: `scorecards-${report.period}${who === undefined ? '' : `-${who}`}`,
    format: options.format,
    sheetName: 'Scorecards',
    columns: scorecardColumns(report),
    rows: [...report.teams, ...report.people],
  });
}

/** Fixed columns, then three per indicator (value, target, status) in the report's order. */
export function scorecardColumns(report: ScorecardReport): TableColumn<ScorecardCard>[] {
  const money = (header: string, value: (card: ScorecardCard) => string | null) =>
    ({ header: `${header} (${report.currency})`, kind: 'decimal', value }) as const;
  const fixed: TableColumn<ScorecardCard>[] = [
    { header: 'period', kind: 'text', value: () => report.period, width: 10 },
    { header: 'type', kind: 'text', value: (c) => c.subjectType, width: 8 },
    { header: 'id', kind: 'text', value: (c) => c.subjectId, width: 20 },
    { header: 'name', kind: 'text', value: (c) => c.name },
    { header: 'teams', kind: 'text', value: (c) => c.path.join(' / '), width: 32 },
    { header: 'targets of role', kind: 'text', value: (c) => c.role, width: 12 },
    { header: 'headcount', kind: 'integer', value: (c) => c.headcount },
    money('quota', (c) => c.quota),
    { header: 'quota source', kind: 'text', value: (c) => c.quotaSource, width: 10 },
    money('bookings', (c) => c.bookings),
    { header: 'attainment', kind: 'percent', value: (c) => c.attainment },
    { header: 'pace', kind: 'number', value: (c) => c.pace },
    { header: 'status', kind: 'text', value: (c) => c.status, width: 10 },
  ];
  const cards = [...report.teams, ...report.people];
  const indicators = cards[0]?.indicators ?? [];
  const perIndicator = indicators.flatMap((first): TableColumn<ScorecardCard>[] => {
    const find = (card: ScorecardCard) => card.indicators.find((i) => i.key === first.key);
    const kind = indicatorKind(first);
    const suffix = first.unit === 'money' ? ` (${report.currency})` : '';
    return [
      { header: `${first.label}${suffix}`, kind, value: (c) => indicatorCell(find(c)?.value) },
      { header: `${first.label} target${suffix}`, kind, value: (c) => indicatorCell(find(c)?.target) },
      { header: `${first.label} status`, kind: 'text', value: (c) => find(c)?.status ?? null, width: 10 },
    ];
  });
  return [...fixed, ...perIndicator];
}

function indicatorKind(indicator: ScorecardIndicator): ColumnKind {
  switch (indicator.unit) {
    case 'money':
      return 'decimal';
    case 'share':
      return 'percent';
    case 'count':
      return 'integer';
    case 'days':
    case 'ratio':
      return 'number';
  }
}

function indicatorCell(value: string | number | null | undefined): CellValue {
  return value ?? null;
}
