import type { AccessScope } from '../../core/access-scope.js';
import type { TableColumn } from '../../core/export/table-column.js';
import type { DatabaseHandle } from '../../store/session.js';
import { tableDownload, type TableDownload } from '../export/table-download.js';
import type { TableFormat } from '../export/write-table.js';
import { getEngagementPlan, type EngagementPlanReport } from './get-engagement-plan.js';

type PlannedAccount = EngagementPlanReport['accounts'][number];

/**
 * The strategic accounts GET /api/engagement/plan answers for the same period and scope, as a CSV
 * or XLSX file: score, won and open pipeline, sponsor, cadence, reviews due and their status.
 */
export async function exportEngagementPlan(
  handle: DatabaseHandle,
  options: { period: string; scope: AccessScope; now: Date; format: TableFormat },
): Promise<TableDownload> {
  const plan = await getEngagementPlan(handle, options);
  return tableDownload({
    name: `engagement-plan-${plan.period}`,
    format: options.format,
    sheetName: 'Strategic accounts',
    columns: engagementPlanColumns(plan),
    rows: plan.accounts,
  });
}

export function engagementPlanColumns(plan: EngagementPlanReport): TableColumn<PlannedAccount>[] {
  const scoredOn = `${plan.scoringPeriods[0] ?? ''}–${plan.scoringPeriods.at(-1) ?? ''}`;
  return [
    { header: 'period', kind: 'text', value: () => plan.period, width: 10 },
    { header: 'account id', kind: 'text', value: (a) => a.accountId, width: 12 },
    { header: 'account', kind: 'text', value: (a) => a.name },
    { header: 'strategic tag', kind: 'text', value: (a) => (a.strategicTag ? 'yes' : 'no'), width: 10 },
    { header: `score (${scoredOn})`, kind: 'number', value: (a) => a.score },
    { header: `won (${plan.currency})`, kind: 'decimal', value: (a) => a.won },
    { header: `open pipeline (${plan.currency})`, kind: 'decimal', value: (a) => a.openPipeline },
    { header: 'growth', kind: 'percent', value: (a) => a.growth },
    { header: 'sponsor id', kind: 'text', value: (a) => a.sponsorId, width: 12 },
    { header: 'sponsor', kind: 'text', value: (a) => a.sponsorName },
    { header: 'cadence', kind: 'text', value: (a) => a.cadence, width: 12 },
    { header: 'reviews due', kind: 'text', value: (a) => a.dueDays.join(', '), width: 24 },
    { header: 'scheduled', kind: 'integer', value: (a) => a.scheduled },
    { header: 'held', kind: 'integer', value: (a) => a.held },
    { header: 'status', kind: 'text', value: (a) => a.status, width: 12 },
  ];
}
