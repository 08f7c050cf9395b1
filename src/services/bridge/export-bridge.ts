import type { AccessScope } from '../../core/access-scope.js';
import type { TableColumn } from '../../core/export/table-column.js';
import type { DatabaseHandle } from '../../store/session.js';
import { tableDownload, type TableDownload } from '../export/table-download.js';
import type { TableFormat } from '../export/write-table.js';
import type { BridgeDealView, BridgeReport, BridgeStepView } from './bridge-report.js';
import { getBridge } from './get-bridge.js';
import { resolveBridgeWindow } from './resolve-bridge-window.js';

export type ExportBridgeOptions = {
  period: string;
  /** The two moments as the query gives them; the period's start and its end (or now) when absent. */
  from: Date | null;
  to: Date | null;
  now: Date;
  scope: AccessScope;
  teamId?: string | null;
  format: TableFormat;
};

/** One movement of one deal: the step it counts in, and the deal as the step lists it. */
export type BridgeMovement = { step: BridgeStepView; deal: BridgeDealView };

/**
 * The deals behind the bridge's steps (GET /api/bridge for the same period, moments, team and
 * scope) as a CSV or XLSX file: one row per deal movement, step by step in the waterfall's order,
 * so the amounts of each step's rows add up to the step. A call or a grouping changes neither the
 * steps nor their deals, so the file does not depend on them.
 */
export async function exportBridge(
  handle: DatabaseHandle,
  options: ExportBridgeOptions,
): Promise<TableDownload> {
  const window = await resolveBridgeWindow(handle, {
    period: options.period,
    from: options.from,
    to: options.to,
    now: options.now,
  });
  const report = await getBridge(handle, {
    period: options.period,
    ...window,
    scope: options.scope,
    teamId: options.teamId ?? null,
  });
  const team = options.teamId ? `-${options.teamId}` : '';
  return tableDownload({
    name: `bridge-${report.period}${team}-${fileInstant(report.from)}-to-${fileInstant(report.to)}`,
    format: options.format,
    sheetName: 'Bridge',
    columns: bridgeMovementColumns(report),
    rows: report.steps.flatMap((step) => step.deals.map((deal) => ({ step, deal }))),
  });
}

export function bridgeMovementColumns(report: BridgeReport): TableColumn<BridgeMovement>[] {
  return [
    { header: 'period', kind: 'text', value: () => report.period, width: 10 },
    { header: 'from', kind: 'instant', value: () => report.from },
    { header: 'to', kind: 'instant', value: () => report.to },
    { header: 'step', kind: 'text', value: (m) => m.step.kind, width: 12 },
    { header: 'step label', kind: 'text', value: (m) => m.step.label, width: 24 },
    { header: `step amount (${report.currency})`, kind: 'decimal', value: (m) => m.step.amount },
    { header: 'deal id', kind: 'text', value: (m) => m.deal.id },
    { header: 'deal', kind: 'text', value: (m) => m.deal.name, width: 32 },
    { header: 'owner', kind: 'text', value: (m) => m.deal.owner },
    { header: 'team', kind: 'text', value: (m) => m.deal.team },
    { header: 'segment', kind: 'text', value: (m) => m.deal.segment },
    { header: `amount (${report.currency})`, kind: 'decimal', value: (m) => m.deal.amount },
    { header: 'change', kind: 'text', value: (m) => m.deal.change, width: 32 },
    { header: 'at', kind: 'instant', value: (m) => m.deal.at },
  ];
}

/** An instant for a file name, to the second: 2026-05-01T12:00:00Z. */
function fileInstant(iso: string): string {
  return iso.replace(/\.\d+Z$/, 'Z');
}
