import type { TableColumn } from '../../core/export/table-column.js';
import type { DatabaseHandle } from '../../store/session.js';
import { tableDownload, type TableDownload } from '../export/table-download.js';
import type { TableFormat } from '../export/write-table.js';
import { getQuotas, type GetQuotasOptions, type QuotaReport } from './get-quotas.js';

type TeamQuota = QuotaReport['teams'][number];
type PersonQuota = QuotaReport['people'][number];

/** A team or a person of the quota board, as one row of the file. */
type QuotaRow = { team: TeamQuota; person?: never } | { person: PersonQuota; team?: never };

/**
 * The quotas the Quotas tab shows (GET /api/quotas, same period and scope) as a CSV or XLSX file:
 * one row per team in tree order, its own quota beside the sum of its people's, then one per
 * person; amounts in the corporate currency, named in the headers.
 */
export async function exportQuotas(
  handle: DatabaseHandle,
  options: GetQuotasOptions & { format: TableFormat },
): Promise<TableDownload> {
  const report = await getQuotas(handle, options);
  return tableDownload({
    name: `quotas-${report.period}`,
    format: options.format,
    sheetName: 'Quotas',
    columns: quotaColumns(report),
    rows: [...report.teams.map((team) => ({ team })), ...report.people.map((person) => ({ person }))],
  });
}

function quotaColumns(report: QuotaReport): TableColumn<QuotaRow>[] {
  const money = (header: string, value: (row: QuotaRow) => string | null): TableColumn<QuotaRow> => ({
    header: `${header} (${report.currency})`,
    kind: 'decimal',
    value,
  });
  return [
    { header: 'period', kind: 'text', value: () => report.period, width: 10 },
    { header: 'type', kind: 'text', value: (r) => (r.team ? 'team' : 'person'), width: 8 },
    { header: 'id', kind: 'text', value: (r) => (r.team ? r.team.teamId : r.person.userId), width: 16 },
    { header: 'name', kind: 'text', value: (r) => (r.team ? r.team.name : r.person.name) },
    { header: 'parent team id', kind: 'text', value: (r) => r.team?.parentId ?? null, width: 16 },
    { header: 'depth', kind: 'integer', value: (r) => r.team?.depth ?? null, width: 8 },
    { header: 'team ids', kind: 'text', value: (r) => r.person?.teamIds.join(', ') ?? null, width: 16 },
    money('quota', (r) => (r.team ? r.team.own : r.person.quota)),
    money('sum of its people', (r) => r.team?.membersSum ?? null),
    { header: 'people with a quota', kind: 'integer', value: (r) => r.team?.membersWithQuota ?? null },
    money('difference', (r) => r.team?.difference ?? null),
    money('effective quota', (r) => r.team?.effective ?? null),
    { header: 'effective from', kind: 'text', value: (r) => r.team?.effectiveSource ?? null, width: 10 },
  ];
}
