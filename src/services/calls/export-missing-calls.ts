import type { AccessScope } from '../../core/access-scope.js';
import type { TableColumn } from '../../core/export/table-column.js';
import type { DatabaseHandle } from '../../store/session.js';
import { tableDownload, type TableDownload } from '../export/table-download.js';
import type { TableFormat } from '../export/write-table.js';
import { listMissingCalls, type MissingCalls } from './list-missing-calls.js';

type MissingCall = MissingCalls['missing'][number];

/**
 * Who has not called for the week open now (GET /api/calls/reminders for the same period and read
 * scope) as a CSV or XLSX file: one row per person, with when the call is due and their last call.
 * Once the period's calls are frozen nobody is missing and the file holds the header only.
 */
export async function exportMissingCalls(
  handle: DatabaseHandle,
  options: { period: string; readScope: AccessScope; now: Date; format: TableFormat },
): Promise<TableDownload> {
  const reminders = await listMissingCalls(handle, options);
  const week = reminders.window ? `-week-${reminders.window.week}` : '';
  return tableDownload({
    name: `missing-calls-${reminders.period}${week}-as-of-${options.now.toISOString().replace(/\.\d+Z$/, 'Z')}`,
    format: options.format,
    sheetName: 'Missing calls',
    columns: missingCallColumns(reminders),
    rows: reminders.missing,
  });
}

export function missingCallColumns(reminders: MissingCalls): TableColumn<MissingCall>[] {
  return [
    { header: 'period', kind: 'text', value: () => reminders.period, width: 10 },
    { header: 'week', kind: 'integer', value: () => reminders.window?.week ?? null },
    { header: 'person id', kind: 'text', value: (m) => m.userId },
    { header: 'name', kind: 'text', value: (m) => m.name },
    { header: 'team', kind: 'text', value: (m) => m.teamName },
    { header: 'due at', kind: 'instant', value: (m) => m.dueAt },
    { header: 'last call at', kind: 'instant', value: (m) => m.lastCallAt },
    { header: 'last call week', kind: 'integer', value: (m) => m.lastCallWeek },
  ];
}
