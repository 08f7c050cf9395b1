import type { AccessScope } from '../../core/access-scope.js';
import type { TableColumn } from '../../core/export/table-column.js';
import type { DatabaseHandle } from '../../store/session.js';
import { tableDownload, type TableDownload } from '../export/table-download.js';
import type { TableFormat } from '../export/write-table.js';
import { getAccountOverview, type AccountOverview } from './get-account-overview.js';

type AccountMeeting = AccountOverview['meetings'][number];

/**
 * The meetings of an account GET /api/accounts/:id lists for the caller (404 for an account they
 * may not see), as a CSV or XLSX file, newest first.
 */
export async function exportAccountMeetings(
  handle: DatabaseHandle,
  options: { id: string; scope: AccessScope; format: TableFormat },
): Promise<TableDownload> {
  const account = await getAccountOverview(handle, options);
  return tableDownload({
    name: `account-${account.id}-meetings`,
    format: options.format,
    sheetName: 'Meetings',
    columns: accountMeetingColumns(account),
    rows: account.meetings,
  });
}

export function accountMeetingColumns(account: AccountOverview): TableColumn<AccountMeeting>[] {
  return [
    { header: 'account id', kind: 'text', value: () => account.id, width: 12 },
    { header: 'account', kind: 'text', value: () => account.name },
    { header: 'meeting id', kind: 'text', value: (m) => m.id, width: 16 },
    { header: 'starts', kind: 'instant', value: (m) => new Date(m.startsAt).toISOString() },
    { header: 'minutes', kind: 'integer', value: (m) => m.durationMinutes },
    { header: 'meeting', kind: 'text', value: (m) => m.title, width: 32 },
    { header: 'status', kind: 'text', value: (m) => m.status, width: 10 },
    { header: 'planned', kind: 'text', value: (m) => (m.planned ? 'yes' : 'no'), width: 8 },
    { header: 'deal id', kind: 'text', value: (m) => m.opportunityId, width: 12 },
    { header: 'deal', kind: 'text', value: (m) => m.dealName },
    { header: 'attendee ids', kind: 'text', value: (m) => m.attendeeIds.join(', ') },
    { header: 'other attendees', kind: 'text', value: (m) => m.externalAttendees.join(', ') },
    { header: 'outcome', kind: 'text', value: (m) => m.outcome, width: 48 },
    { header: 'next steps', kind: 'text', value: (m) => m.nextSteps, width: 48 },
  ];
}
