import type { AccessScope } from '../../core/access-scope.js';
import type { TableColumn } from '../../core/export/table-column.js';
import { scopeIncludesOwner } from '../../core/compute-access.js';
import { listCallSubmissions } from '../../store/call-queries.js';
import { withConnection, type DatabaseHandle } from '../../store/session.js';
import { tableDownload, type TableDownload } from '../export/table-download.js';
import type { TableFormat } from '../export/write-table.js';
import { loadCallContext } from './call-context.js';
import { toCallView, type CallView } from './call-view.js';

const columns: TableColumn<CallView>[] = [
  { header: 'Period', kind: 'text', value: (c) => c.period },
  { header: 'Week', kind: 'integer', value: (c) => c.week },
  { header: 'Person', kind: 'text', value: (c) => c.name },
  { header: 'Person ID', kind: 'text', value: (c) => c.userId },
  { header: 'Submitted at', kind: 'instant', value: (c) => c.submittedAt },
  { header: 'Submitted by', kind: 'text', value: (c) => c.submittedByName },
  { header: 'Commit', kind: 'decimal', value: (c) => c.commit },
  { header: 'Best case', kind: 'decimal', value: (c) => c.bestCase },
  { header: 'Currency', kind: 'text', value: (c) => c.currency },
  { header: 'Roll-up commit', kind: 'decimal', value: (c) => c.rollupCommit },
  { header: 'Roll-up best case', kind: 'decimal', value: (c) => c.rollupBestCase },
  { header: 'Reason', kind: 'text', value: (c) => c.reason, width: 40 },
  { header: 'Note', kind: 'text', value: (c) => c.note, width: 40 },
  { header: 'Ledger seq', kind: 'text', value: (c) => c.seq },
];

/**
 * Every call submission of a period (superseded ones included, oldest first) of the people the
 * caller can see, optionally one person's only, as a CSV or XLSX file.
 */
export async function exportCalls(
  handle: DatabaseHandle,
  options: { period: string; userId?: string | undefined; readScope: AccessScope; format: TableFormat },
): Promise<TableDownload> {
  const rows = await withConnection(handle, async (conn) => {
    const context = await loadCallContext(conn);
    const calls = await listCallSubmissions(conn, {
      periods: [options.period],
      ...(options.userId ? { userIds: [options.userId] } : {}),
    });
    return calls
      .filter((c) => scopeIncludesOwner(options.readScope, c.userId))
      .map((c) => toCallView(c, context.names, context.org.corporateDecimals));
  });
  const who = options.userId ? `-${options.userId}` : '';
  return tableDownload({
    name: `calls-${options.period}${who}`,
    format: options.format,
    sheetName: 'Calls',
    columns,
    rows,
  });
}
