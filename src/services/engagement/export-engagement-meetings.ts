import type { AccessScope } from '../../core/access-scope.js';
import type { TableColumn } from '../../core/export/table-column.js';
import type { DatabaseHandle } from '../../store/session.js';
import { tableDownload, type TableDownload } from '../export/table-download.js';
import type { TableFormat } from '../export/write-table.js';
import { getEngagementReport, type EngagementReportView } from './get-engagement-report.js';

type ReportedMeeting = EngagementReportView['meetings'][number];

/**
 * The held meetings GET /api/engagement/report counts for the same period and scope (the four
 * periods ending with it), as a CSV or XLSX file, newest first as the page lists them: each with
 * its account, deal, the deal's close date then, and whether it was planned or a fire drill.
 */
export async function exportEngagementMeetings(
  handle: DatabaseHandle,
  options: { period: string; scope: AccessScope; format: TableFormat },
): Promise<TableDownload> {
  const report = await getEngagementReport(handle, options);
  return tableDownload({
    name: `engagement-meetings-${report.periods[0] ?? options.period}-to-${options.period}`,
    format: options.format,
    sheetName: 'Meetings',
    columns: reportedMeetingColumns,
    rows: [...report.meetings].reverse(),
  });
}

export const reportedMeetingColumns: TableColumn<ReportedMeeting>[] = [
  { header: 'meeting id', kind: 'text', value: (m) => m.id, width: 16 },
  { header: 'starts', kind: 'instant', value: (m) => new Date(m.startsAt).toISOString() },
  { header: 'account id', kind: 'text', value: (m) => m.accountId, width: 12 },
  { header: 'account', kind: 'text', value: (m) => m.accountName },
  { header: 'meeting', kind: 'text', value: (m) => m.title, width: 32 },
  { header: 'deal id', kind: 'text', value: (m) => m.opportunityId, width: 12 },
  { header: 'deal', kind: 'text', value: (m) => m.dealName },
  { header: 'close date then', kind: 'day', value: (m) => m.closeDateAtMeeting },
  { header: 'kind', kind: 'text', value: (m) => m.kind, width: 12 },
  { header: 'executive id', kind: 'text', value: (m) => m.executiveId, width: 12 },
];
