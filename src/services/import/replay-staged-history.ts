import {
  foldOpportunityTimeline,
  type SourcePosition,
  type TimelineInput,
  type TimelineItem,
} from '../../core/import/fold-opportunity-timeline.js';
import { historyRowToItem } from '../../core/import/history-row.js';
import type { LedgerEvent, NewEvent } from '../../core/ledger-event.js';
import type { OpportunityState } from '../../core/opportunity.js';
import { readStagedHistoryPage, type StagedPageRow, type StagingCursor } from '../../store/import-staging.js';
import { listOpportunityEvents } from '../../store/import-records.js';
import { findOpportunities } from '../../store/opportunity-queries.js';
import type { Connection } from '../../store/session.js';
import type { ImportBatch, ImportProgress } from './import-batch.js';

/** An opportunity's staged rows, and the items its new rows (those not yet in the ledger) state. */
export type HistoryGroup = {
  id: string;
  rows: StagedPageRow[];
  items: TimelineItem[];
  /** Where the rows the ledger already holds sit in the files, by origin key. */
  positions: Map<string, SourcePosition>;
};

/** What the ledger holds about the opportunity: its current state, and its events when it gets new rows. */
export type LedgerSide = { current: OpportunityState | null; events: readonly LedgerEvent[] };

export type ReplayOptions = {
  batch: ImportBatch;
  /** The currency the opportunity's amounts are in; null when neither the files nor the ledger know it. */
  currencyOf: (id: string, current: OpportunityState | null) => string | null;
  currencyDecimals: (code: string) => number;
  /** The timeline to fold for one opportunity, or why its rows are rejected. */
  plan: (group: HistoryGroup, ledger: LedgerSide) => TimelineInput | { reject: string };
  stagedRows: number;
  /** The column the files name the opportunity in, for reports. */
  opportunityColumn: string;
  onProgress?: ((progress: ImportProgress) => void) | undefined;
};

const pageRows = 5_000;
/** Opportunities whose events go to the ledger in one append (bounded memory, bounded COPY). */
const opportunitiesPerAppend = 2_000;
const rowsPerAppend = 50_000;

/**
 * Reads the staged history back in (opportunity, time) order, a keyset page at a time, and turns
 * each opportunity's rows into ledger events (foldOpportunityTimeline), appending them in bounded
 * groups: memory grows with the opportunities of one group, never with the file. Appends are
 * several, all inside the import's one transaction, because a connection cannot answer the next
 * page query while its own COPY is still streaming. Returns the ids it saw.
 */
export async function replayStagedHistory(conn: Connection, options: ReplayOptions): Promise<Set<string>> {
  const seen = new Set<string>();
  let pending: HistoryGroup[] = [];
  let pendingRows = 0;
  let open: HistoryGroup | null = null;
  let cursor: StagingCursor | null = null;
  let done = 0;
  for (;;) {
    const page = await readStagedHistoryPage(conn, cursor, pageRows);
    for (const row of page) {
      if (!open || open.id !== row.data.opportunityId) {
        if (open) pending.push(open);
        open = { id: row.data.opportunityId, rows: [], items: [], positions: new Map() };
        seen.add(open.id);
      }
      open.rows.push(row);
      pendingRows += 1;
    }
    const last = page.at(-1);
    if (!last) break;
    cursor = {
      opportunityId: last.data.opportunityId,
      at: last.data.at,
      sourceOrder: last.sourceOrder,
      line: last.line,
    };
    if (pending.length >= opportunitiesPerAppend || pendingRows >= rowsPerAppend) {
      done += await flush(conn, pending, options);
      pending = [];
      pendingRows = open ? open.rows.length : 0;
      options.onProgress?.({ phase: 'replaying history', done, total: options.stagedRows, unit: 'rows' });
    }
  }
  if (open) pending.push(open);
  done += await flush(conn, pending, options);
  options.onProgress?.({ phase: 'replaying history', done, total: options.stagedRows, unit: 'rows' });
  return seen;
}

async function flush(conn: Connection, groups: HistoryGroup[], options: ReplayOptions): Promise<number> {
  if (groups.length === 0) return 0;
  const current = await findOpportunities(
    conn,
    groups.map((g) => g.id),
  );
  const withNewRows = groups
    .filter((g) => current.has(g.id) && g.rows.some((r) => !r.known))
    .map((g) => g.id);
  const existingEvents = await listOpportunityEvents(conn, withNewRows);
  const events: NewEvent[] = [];
  let rows = 0;
  for (const group of groups) {
    rows += group.rows.length;
    const state = current.get(group.id) ?? null;
    const fresh = group.rows.filter((r) => !r.known);
    const currency = options.currencyOf(group.id, state);
    if (currency === null) {
      rejectRows(
        options,
        fresh,
        `opportunity ${group.id} is neither in the import's opportunities nor in Candor`,
      );
      continue;
    }
    const position = (r: StagedPageRow): SourcePosition => ({
      sourceOrder: r.sourceOrder,
      line: r.line,
    });
    group.items = fresh.map((r) => historyRowToItem(r.data, options.currencyDecimals, currency, position(r)));
    for (const row of group.rows) if (row.known) group.positions.set(row.data.originKey, position(row));
    const input = options.plan(group, { current: state, events: existingEvents.get(group.id) ?? [] });
    if ('reject' in input) {
      rejectRows(options, fresh, input.reject);
      continue;
    }
    for (const event of foldOpportunityTimeline(input)) {
      events.push(options.batch.event({ ...event, entityType: 'opportunity', entityId: group.id }));
    }
  }
  await options.batch.append(conn, events);
  return rows;
}

function rejectRows(options: ReplayOptions, rows: readonly StagedPageRow[], reason: string): void {
  for (const row of rows) {
    options.batch.reject(row.fileIndex, row, [
      { column: options.opportunityColumn, value: row.data.opportunityId, reason },
    ]);
  }
}
