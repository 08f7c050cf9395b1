import type { AccessScope } from '../core/access-scope.js';
import type { TableColumn } from '../core/export/table-column.js';
import type { DatabaseHandle } from '../store/session.js';
import type { TimelineChange, TimelineEntry } from './compute-timeline.js';
import { tableDownload, type TableDownload } from './export/table-download.js';
import type { TableFormat } from './export/write-table.js';
import { getOpportunityTimeline } from './get-opportunity-timeline.js';

/**
 * A deal's timeline as GET /api/opportunities/:id/timeline answers it for the caller (404 for a
 * deal outside their scope), as a CSV or XLSX file: one row per ledger event in business-time order,
 * with what it changed from what, and its backdated mark.
 */
export async function exportOpportunityTimeline(
  handle: DatabaseHandle,
  options: { id: string; scope: AccessScope; format: TableFormat },
): Promise<TableDownload> {
  const timeline = await getOpportunityTimeline(handle, options);
  return tableDownload({
    name: `deal-${timeline.opportunityId}-timeline`,
    format: options.format,
    sheetName: 'Timeline',
    columns: timelineColumns(timeline.backdatedAfterHours),
    rows: timeline.events,
  });
}

export function timelineColumns(backdatedAfterHours: number): TableColumn<TimelineEntry>[] {
  return [
    { header: 'seq', kind: 'integer', value: (e) => Number(e.seq) },
    { header: 'took effect', kind: 'instant', value: (e) => e.businessTime },
    { header: 'recorded', kind: 'instant', value: (e) => e.recordedTime },
    { header: 'event', kind: 'text', value: (e) => e.kind, width: 22 },
    { header: 'by', kind: 'text', value: (e) => e.actor, width: 16 },
    { header: 'source', kind: 'text', value: (e) => e.source, width: 12 },
    { header: 'import batch', kind: 'text', value: (e) => e.batchId, width: 16 },
    { header: 'changes', kind: 'text', value: (e) => describeTimelineChanges(e), width: 80 },
    {
      header: `backdated (recorded over ${backdatedAfterHours} h after)`,
      kind: 'text',
      value: (e) => (e.backdated ? 'yes' : 'no'),
      width: 12,
    },
    { header: 'hash', kind: 'text', value: (e) => e.hash, width: 20 },
  ];
}

/** Flags a creation sets that say nothing a reader needs (the deal page leaves them out too). */
const hiddenOnCreate = new Set([
  'forecastCategoryOverridden',
  'isClosed',
  'isWon',
  'currency',
  'probability',
]);

/**
 * What an event changed, as the deal page lists it: `stage: Prospecting → Qualification; amount:
 * 1000.00 → 1200.00`; a creation lists the values it set. Fields an event restates unchanged are
 * left out. Amounts are in the deal's own currency.
 */
export function describeTimelineChanges(event: TimelineEntry): string {
  const isCreate = event.kind === 'opportunity.created';
  const shown = event.changes.filter((c: TimelineChange) =>
    isCreate ? !hiddenOnCreate.has(c.field) && c.to !== null : c.from !== c.to,
  );
  const value = (v: string | null) => (v === null || v === '' ? '(empty)' : v);
  return shown
    .map((c) => (isCreate ? `${c.field}: ${value(c.to)}` : `${c.field}: ${value(c.from)} → ${value(c.to)}`))
    .join('; ');
}
