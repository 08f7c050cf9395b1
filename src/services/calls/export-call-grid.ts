import type { TableColumn } from '../../core/export/table-column.js';
import type { DatabaseHandle } from '../../store/session.js';
import { tableDownload, type TableDownload } from '../export/table-download.js';
import type { TableFormat } from '../export/write-table.js';
import { getCallGrid, type CallGrid, type CallGridRow, type GetCallGridOptions } from './get-call-grid.js';

/**
 * The call grid GET /api/calls/grid answers for the same period, team and caller (the team's
 * leader, each child team and each rep, cut to the caller's read scope) as a CSV or XLSX file: one
 * row per line of the grid, the latest call beside the roll-up by category and both changes since
 * the previous week's due time.
 */
export async function exportCallGrid(
  handle: DatabaseHandle,
  options: GetCallGridOptions & { format: TableFormat },
): Promise<TableDownload> {
  const grid = await getCallGrid(handle, options);
  const team = grid.team ? `-${grid.team.id}` : `-${options.userId}`;
  return tableDownload({
    name: `call-grid-${grid.period}${team}-as-of-${options.now.toISOString().replace(/\.\d+Z$/, 'Z')}`,
    format: options.format,
    sheetName: 'Call grid',
    columns: callGridColumns(grid),
    rows: grid.rows,
  });
}

export function callGridColumns(grid: CallGrid): TableColumn<CallGridRow>[] {
  const money = (header: string, value: (row: CallGridRow) => string | null) =>
    ({ header: `${header} (${grid.currency})`, kind: 'decimal', value }) as const;
  return [
    { header: 'period', kind: 'text', value: () => grid.period, width: 10 },
    { header: 'row', kind: 'text', value: (r) => r.kind, width: 10 },
    { header: 'team id', kind: 'text', value: (r) => r.teamId },
    { header: 'team', kind: 'text', value: (r) => r.teamName },
    { header: 'person id', kind: 'text', value: (r) => r.userId },
    { header: 'name', kind: 'text', value: (r) => r.name },
    money('commit call', (r) => r.call?.commit ?? null),
    money('best case call', (r) => r.call?.bestCase ?? null),
    money('commit call change since last week', (r) => r.callCommitChange),
    money('closed', (r) => r.rollup.closed),
    money('commit', (r) => r.rollup.commit),
    money('best case', (r) => r.rollup.bestCase),
    money('pipeline', (r) => r.rollup.pipeline),
    money('roll-up commit', (r) => r.rollup.rollupCommit),
    money('roll-up best case', (r) => r.rollup.rollupBestCase),
    money('roll-up commit change since last week', (r) => r.rollupCommitChange),
    { header: 'deals', kind: 'integer', value: (r) => r.rollup.deals },
    { header: 'overridden deals', kind: 'integer', value: (r) => r.rollup.overriddenDeals },
    money('overridden', (r) => r.rollup.overridden),
    { header: 'beyond reason share', kind: 'text', value: (r) => (r.beyondShare ? 'yes' : 'no'), width: 8 },
    { header: 'call week', kind: 'integer', value: (r) => r.call?.week ?? null },
    { header: 'call submitted at', kind: 'instant', value: (r) => r.call?.submittedAt ?? null },
    { header: 'call submitted by id', kind: 'text', value: (r) => r.call?.submittedBy ?? null },
    { header: 'call submitted by', kind: 'text', value: (r) => r.call?.submittedByName ?? null },
    { header: 'reason', kind: 'text', value: (r) => r.call?.reason ?? null, width: 40 },
    { header: 'note', kind: 'text', value: (r) => r.call?.note ?? null, width: 40 },
  ];
}
