import type { AccessScope } from '../../core/access-scope.js';
import type { TableColumn } from '../../core/export/table-column.js';
import type { DatabaseHandle } from '../../store/session.js';
import { tableDownload, type TableDownload } from '../export/table-download.js';
import type { TableFormat } from '../export/write-table.js';
import { listVisibleInsights, type VisibleInsight } from './list-visible-insights.js';

/**
 * The insights GET /api/insights answers for the same account or deal, limit and scope, as a CSV or
 * XLSX file, newest first.
 */
export async function exportInsights(
  handle: DatabaseHandle,
  options: {
    scope: AccessScope;
    accountId?: string | undefined;
    opportunityId?: string | undefined;
    limit: number;
    format: TableFormat;
  },
): Promise<TableDownload> {
  const { format, ...query } = options;
  const { accountId, opportunityId } = query;
  const insights = await listVisibleInsights(handle, query);
  const subject =
    opportunityId !== undefined
      ? `-deal-${opportunityId}`
      : accountId !== undefined
        ? `-account-${accountId}`
        : '';
  return tableDownload({
    name: `insights${subject}`,
    format,
    sheetName: 'Insights',
    columns: insightColumns,
    rows: insights,
  });
}

export const insightColumns: TableColumn<VisibleInsight>[] = [
  { header: 'insight id', kind: 'text', value: (i) => i.id, width: 16 },
  { header: 'captured', kind: 'instant', value: (i) => new Date(i.capturedAt).toISOString() },
  { header: 'type', kind: 'text', value: (i) => i.type, width: 18 },
  { header: 'severity', kind: 'text', value: (i) => i.severity, width: 10 },
  { header: 'account id', kind: 'text', value: (i) => i.accountId, width: 12 },
  { header: 'account', kind: 'text', value: (i) => i.accountName },
  { header: 'deal id', kind: 'text', value: (i) => i.opportunityId, width: 12 },
  { header: 'deal', kind: 'text', value: (i) => i.opportunityName },
  { header: 'competitor', kind: 'text', value: (i) => i.competitor },
  { header: 'topic', kind: 'text', value: (i) => i.topic },
  { header: 'text', kind: 'text', value: (i) => i.text, width: 60 },
  { header: 'author id', kind: 'text', value: (i) => i.authorId, width: 12 },
  { header: 'author', kind: 'text', value: (i) => i.authorName },
];
