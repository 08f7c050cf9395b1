import { sql } from 'kysely';
import type { ForecastCategory } from '../core/forecast-category.js';
import type { HistoryRowData } from '../core/import/history-row.js';
import type { OpportunityPatch } from '../core/import/opportunity-patch.js';
import type { Connection } from '../db/connection.js';
import { encodeCopyRow } from '../db/copy-text.js';

/**
 * History rows of an import wait in a temporary table of the import's own transaction (dropped at
 * commit), so that a file of millions of rows is never held in memory: the rows go in with COPY as
 * they are read, and come back ordered by opportunity and time, a page at a time.
 */
const table = 'import_history_staging';

/** Where a staged row came from, to report it or copy it to a reject file. */
export type StagedSource = { fileIndex: number; line: number; byteStart: number; byteEnd: number };

export type StagedHistoryRow = StagedSource & {
  /** 0 for snapshots (OpportunityHistory), 1 for field changes: a snapshot goes first at one instant. */
  sourceOrder: number;
  data: HistoryRowData;
};

export type StagedPageRow = StagedHistoryRow & { known: boolean };

/** Where the next page starts: after this row in (opportunity, time, source order, line) order. */
export type StagingCursor = { opportunityId: string; at: Date; sourceOrder: number; line: number };

const columns = [
  'opportunity_id',
  'at',
  'source_order',
  'line',
  'file_index',
  'byte_start',
  'byte_end',
  'origin_key',
  'duplicates',
  'stage',
  'amount',
  'currency',
  'close_date',
  'probability',
  'category',
  'other',
  'previous',
] as const;

export async function createHistoryStaging(conn: Connection): Promise<void> {
  await sql`create temp table if not exists ${sql.table(table)} (
    opportunity_id text not null, at timestamptz not null, source_order smallint not null,
    line integer not null, file_index smallint not null, byte_start bigint not null, byte_end bigint not null,
    origin_key text not null, duplicates text not null, stage text, amount text, currency text,
    close_date text, probability double precision, category text, other text, previous text,
    known boolean not null default false
  ) on commit drop`.execute(conn.db);
}

/** Streams rows into the staging table with COPY; returns how many went in. */
export async function stageHistoryRows(
  conn: Connection,
  rows: AsyncIterable<StagedHistoryRow>,
): Promise<number> {
  const lines = (async function* () {
    for await (const row of rows) yield encodeCopyRow(stagedValues(row));
  })();
  return conn.copyFrom(table, columns, lines);
}

/**
 * Indexes the staged rows for paging, removes all but the first of rows sharing an origin key
 * (returning the removed ones with the line of the first), and marks the rows whose origin key the
 * ledger already holds.
 */
export async function settleStagedHistory(
  conn: Connection,
): Promise<(StagedSource & { duplicates: 'reject' | 'drop'; firstLine: number; originKey: string })[]> {
  await sql`create index on ${sql.table(table)} (opportunity_id, at, source_order, line)`.execute(conn.db);
  // Most files have no repeated rows: find repeated keys with a cheap aggregate before deleting.
  const repeated = await sql<{ found: boolean }>`
    select exists (select 1 from ${sql.table(table)} group by origin_key having count(*) > 1) as found`.execute(
    conn.db,
  );
  const removed = repeated.rows[0]?.found
    ? await sql<{
        file_index: number;
        line: number;
        byte_start: string;
        byte_end: string;
        duplicates: string;
        first_line: number;
        origin_key: string;
      }>`
        with ranked as (
          select ctid as row_id,
                 row_number() over (partition by origin_key order by file_index, line) as rank,
                 first_value(line) over (partition by origin_key order by file_index, line) as first_line
          from ${sql.table(table)})
        delete from ${sql.table(table)} s using ranked r
        where s.ctid = r.row_id and r.rank > 1
        returning s.file_index, s.line, s.byte_start, s.byte_end, s.duplicates, r.first_line, s.origin_key`.execute(
        conn.db,
      )
    : { rows: [] };
  // Only a ledger that holds opportunity events can know a history row (the first import skips this).
  const holdsOpportunities = await sql<{ found: boolean }>`
    select exists (select 1 from events where entity_type = 'opportunity') as found`.execute(conn.db);
  if (holdsOpportunities.rows[0]?.found) {
    await sql`update ${sql.table(table)} s set known = true
      where exists (select 1 from events e where e.origin_key = s.origin_key)`.execute(conn.db);
  }
  await sql`analyze ${sql.table(table)}`.execute(conn.db);
  return removed.rows
    .map((r) => ({
      fileIndex: r.file_index,
      line: r.line,
      byteStart: Number(r.byte_start),
      byteEnd: Number(r.byte_end),
      duplicates: r.duplicates === 'drop' ? ('drop' as const) : ('reject' as const),
      firstLine: r.first_line,
      originKey: r.origin_key,
    }))
    .sort((a, b) => a.fileIndex - b.fileIndex || a.line - b.line);
}

/**
 * One page of staged rows after `cursor`, in (opportunity, time, source order, line) order. The
 * page comes back as one JSON array value: row by row and field by field, the driver's decoding
 * costs several times what the database spends (5x on the embedded engine, measured).
 */
export async function readStagedHistoryPage(
  conn: Connection,
  cursor: StagingCursor | null,
  limit: number,
): Promise<StagedPageRow[]> {
  const after = cursor
    ? sql`where (opportunity_id, at, source_order, line) > (${cursor.opportunityId}, ${cursor.at}, ${cursor.sourceOrder}, ${cursor.line})`
    : sql``;
  const result = await sql<{ page: string | null }>`
    select json_agg(json_build_array(
             opportunity_id, (extract(epoch from at) * 1000)::bigint, source_order, line, file_index,
             byte_start, byte_end, origin_key, duplicates, stage, amount, currency, close_date,
             probability, category, other, previous, known)
           order by opportunity_id, at, source_order, line)::text as page
    from (select * from ${sql.table(table)} ${after}
          order by opportunity_id, at, source_order, line limit ${limit}) page`.execute(conn.db);
  const page = result.rows[0]?.page;
  if (!page) return [];
  return (JSON.parse(page) as PageTuple[]).map((r) => ({
    fileIndex: r[4],
    line: r[3],
    byteStart: r[5],
    byteEnd: r[6],
    sourceOrder: r[2],
    known: r[17],
    data: {
      opportunityId: r[0],
      at: new Date(r[1]),
      originKey: r[7],
      duplicates: r[8] === 'drop' ? 'drop' : 'reject',
      stage: r[9] ?? undefined,
      amountText: r[10] ?? undefined,
      currency: r[11] ?? undefined,
      closeDate: r[12] === null ? undefined : r[12] === '' ? null : r[12],
      probability01: r[13] ?? undefined,
      forecastCategory: (r[14] ?? undefined) as ForecastCategory | undefined,
      other: r[15] === null ? undefined : (JSON.parse(r[15]) as OpportunityPatch),
      previous: r[16] === null ? undefined : (JSON.parse(r[16]) as OpportunityPatch),
    },
  }));
}

type PageTuple = [
  string,
  number,
  number,
  number,
  number,
  number,
  number,
  string,
  string,
  string | null,
  string | null,
  string | null,
  string | null,
  number | null,
  string | null,
  string | null,
  string | null,
  boolean,
];

function stagedValues(row: StagedHistoryRow): (string | null)[] {
  const data = row.data;
  return [
    data.opportunityId,
    data.at.toISOString(),
    String(row.sourceOrder),
    String(row.line),
    String(row.fileIndex),
    String(row.byteStart),
    String(row.byteEnd),
    data.originKey,
    data.duplicates,
    data.stage ?? null,
    data.amountText ?? null,
    data.currency ?? null,
    data.closeDate === undefined ? null : (data.closeDate ?? ''),
    data.probability01 === undefined || data.probability01 === null ? null : String(data.probability01),
    data.forecastCategory ?? null,
    data.other === undefined ? null : JSON.stringify(data.other),
    data.previous === undefined ? null : JSON.stringify(data.previous),
  ];
}
