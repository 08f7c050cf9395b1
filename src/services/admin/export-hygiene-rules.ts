import type { TableColumn } from '../../core/export/table-column.js';
import type { DatabaseHandle } from '../../store/session.js';
import { tableDownload, type TableDownload } from '../export/table-download.js';
import type { TableFormat } from '../export/write-table.js';
import { listHygieneRules, type HygieneRuleView } from '../hygiene/hygiene-rule-settings.js';
import { asOfFileName } from './as-of-file-name.js';
import { yesNo } from './export-admin-users.js';

const columns: TableColumn<HygieneRuleView>[] = [
  { header: 'rule', kind: 'text', value: (r) => r.rule, width: 24 },
  { header: 'description', kind: 'text', value: (r) => r.description, width: 60 },
  { header: 'on', kind: 'text', value: (r) => yesNo(r.enabled), width: 6 },
  { header: 'severity', kind: 'text', value: (r) => r.severity, width: 10 },
  { header: 'thresholds', kind: 'text', value: (r) => describeThresholds(r.thresholds), width: 40 },
  { header: 'on by default', kind: 'text', value: (r) => yesNo(r.defaults.enabled), width: 6 },
  { header: 'default severity', kind: 'text', value: (r) => r.defaults.severity, width: 10 },
  {
    header: 'default thresholds',
    kind: 'text',
    value: (r) => describeThresholds(r.defaults.thresholds),
    width: 40,
  },
];

/**
 * The hygiene rules the Hygiene rules tab shows (GET /api/admin/hygiene-rules) as a CSV or XLSX
 * file: on or off, severity and thresholds now, beside their defaults.
 */
export async function exportHygieneRules(
  handle: DatabaseHandle,
  options: { format: TableFormat; now: Date },
): Promise<TableDownload> {
  return tableDownload({
    name: asOfFileName('hygiene-rules', options.now),
    format: options.format,
    sheetName: 'Hygiene rules',
    columns,
    rows: await listHygieneRules(handle),
  });
}

/**
 * Rules have thresholds of their own names and kinds (days, a count, a share, a stage), so they
 * share one cell: `days=30; stage=Negotiation`, a threshold not set written `none`.
 */
function describeThresholds(thresholds: HygieneRuleView['thresholds']): string {
  return Object.entries(thresholds)
    .map(([name, value]) => `${name}=${value ?? 'none'}`)
    .join('; ');
}
