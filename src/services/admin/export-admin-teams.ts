import type { TableColumn } from '../../core/export/table-column.js';
import type { DatabaseHandle } from '../../store/session.js';
import { tableDownload, type TableDownload } from '../export/table-download.js';
import type { TableFormat } from '../export/write-table.js';
import { asOfFileName } from './as-of-file-name.js';
import { listAdminTeams, type AdminTeam } from './list-admin-teams.js';

/**
 * The team tree the Teams tab shows (GET /api/admin/teams) as a CSV or XLSX file, in the same
 * reading order: each team followed by the teams below it, with its parent and its path.
 */
export async function exportAdminTeams(
  handle: DatabaseHandle,
  options: { format: TableFormat; now: Date },
): Promise<TableDownload> {
  const teams = await listAdminTeams(handle);
  const names = new Map(teams.map((team) => [team.id, team.name]));
  const columns: TableColumn<AdminTeam>[] = [
    { header: 'team id', kind: 'text', value: (t) => t.id, width: 16 },
    { header: 'name', kind: 'text', value: (t) => t.name },
    { header: 'parent id', kind: 'text', value: (t) => t.parentId, width: 16 },
    {
      header: 'parent',
      kind: 'text',
      value: (t) => (t.parentId === null ? null : (names.get(t.parentId) ?? null)),
    },
    { header: 'depth', kind: 'integer', value: (t) => t.depth, width: 8 },
    { header: 'path', kind: 'text', value: (t) => t.path.join(' / '), width: 40 },
    { header: 'members', kind: 'integer', value: (t) => t.members.length, width: 8 },
    {
      header: 'members and roles',
      kind: 'text',
      value: (t) => t.members.map((m) => `${m.name} (${m.role})`).join(', '),
      width: 48,
    },
  ];
  return tableDownload({
    name: asOfFileName('teams', options.now),
    format: options.format,
    sheetName: 'Teams',
    columns,
    rows: teams,
  });
}
