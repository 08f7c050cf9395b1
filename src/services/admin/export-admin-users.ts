import type { TableColumn } from '../../core/export/table-column.js';
import type { DatabaseHandle } from '../../store/session.js';
import { tableDownload, type TableDownload } from '../export/table-download.js';
import type { TableFormat } from '../export/write-table.js';
import { asOfFileName } from './as-of-file-name.js';
import { listAdminUsers, type AdminUser } from './list-admin-users.js';

/** One role of a person in one team; a person without a role has one row with neither. */
type UserRoleRow = { user: AdminUser; role: AdminUser['roles'][number] | null };

const columns: TableColumn<UserRoleRow>[] = [
  { header: 'user id', kind: 'text', value: (r) => r.user.id, width: 16 },
  { header: 'name', kind: 'text', value: (r) => r.user.name },
  { header: 'e-mail', kind: 'text', value: (r) => r.user.email, width: 28 },
  { header: 'title', kind: 'text', value: (r) => r.user.title },
  { header: 'active', kind: 'text', value: (r) => yesNo(r.user.active), width: 8 },
  { header: 'has a password', kind: 'text', value: (r) => yesNo(r.user.hasPassword), width: 8 },
  { header: 'team id', kind: 'text', value: (r) => r.role?.teamId ?? null, width: 16 },
  { header: 'team', kind: 'text', value: (r) => r.role?.teamName ?? null },
  { header: 'role', kind: 'text', value: (r) => r.role?.role ?? null, width: 10 },
];

/**
 * The people the Users tab lists (GET /api/admin/users) as a CSV or XLSX file: one row per role a
 * person holds in a team, so a spreadsheet can filter by team or role, and one row for a person
 * who holds none. Never a password or its hash: only whether there is one.
 */
export async function exportAdminUsers(
  handle: DatabaseHandle,
  options: { format: TableFormat; now: Date },
): Promise<TableDownload> {
  const users = await listAdminUsers(handle);
  return tableDownload({
    name: asOfFileName('users', options.now),
    format: options.format,
    sheetName: 'Users',
    columns,
    rows: users.flatMap((user): UserRoleRow[] =>
      user.roles.length === 0 ? [{ user, role: null }] : user.roles.map((role) => ({ user, role })),
    ),
  });
}

export function yesNo(value: boolean): string {
  return value ? 'yes' : 'no';
}
