import type { TableColumn } from '../../core/export/table-column.js';
import type { DatabaseHandle } from '../../store/session.js';
import {
  listOpportunities,
  type ListOpportunitiesOptions,
  type OpportunityList,
  type OpportunityListItem,
} from '../list-opportunities.js';
import type { TableDownload } from './table-download.js';
import { tableContentTypes, writeTable, type TableFormat } from './write-table.js';

/**
 * An export reads the deals a page at a time, never all at once. Each page is one list query, which
 * sorts and counts every matching deal before taking its page, so a page costs about the same
 * whatever its size, and offset paging grows with the square of the deals: 100k deals as CSV took
 * 45 s in pages of 500 and 7 s in pages of 5,000 (PGlite, 2 cores), for a few megabytes held.
 */
export const exportPageSize = 5_000;

export type ExportOpportunitiesOptions = Omit<ListOpportunitiesOptions, 'limit' | 'offset'> & {
  format: TableFormat;
  /** The clock's reading, named in the file name when no asOf is given. */
  now: Date;
  /** Deals read per query; default `exportPageSize`. */
  pageSize?: number | undefined;
};

/**
 * Every deal matching the list's filters, within the caller's scope, as a CSV or XLSX file: the
 * same deals, in the same order, as GET /api/opportunities would page through. The first page is
 * read before anything is written, so a bad filter (an unknown team) is still a problem answer;
 * the rest is read page by page as the download is consumed. Pages are separate queries: a deal
 * edited while a long export runs may move between pages (it is never written twice, ids are
 * remembered); pass `asOf` for a file that reads the same whenever it is made.
 */
export async function exportOpportunities(
  handle: DatabaseHandle,
  options: ExportOpportunitiesOptions,
): Promise<TableDownload> {
  const { format, now: _now, pageSize = exportPageSize, ...filters } = options;
  const first = await listOpportunities(handle, { ...filters, limit: pageSize, offset: 0 });
  return {
    fileName: exportFileName(options),
    contentType: tableContentTypes[format],
    body: writeTable({
      format,
      columns: opportunityColumns(first.currency),
      pages: readPages(handle, { ...filters, limit: pageSize, offset: 0 }, first),
      sheetName: 'Deals',
    }),
  };
}

async function* readPages(
  handle: DatabaseHandle,
  query: ListOpportunitiesOptions,
  first: OpportunityList,
): AsyncGenerator<OpportunityListItem[]> {
  const seen = new Set<string>();
  let page = first;
  let offset = 0;
  for (;;) {
    const fresh = page.items.filter((item) => !seen.has(item.id));
    for (const item of fresh) seen.add(item.id);
    yield fresh;
    if (page.items.length < query.limit) return;
    offset += page.items.length;
    page = await listOpportunities(handle, { ...query, offset });
  }
}

/** The columns of a deals export; amounts are exact decimals, the corporate one in `currency`. */
export function opportunityColumns(corporateCurrency: string): TableColumn<OpportunityListItem>[] {
  return [
    { header: 'id', kind: 'text', value: (d) => d.id, width: 20 },
    { header: 'name', kind: 'text', value: (d) => d.name, width: 32 },
    { header: 'account', kind: 'text', value: (d) => d.accountName },
    { header: 'owner', kind: 'text', value: (d) => d.ownerName },
    { header: 'stage', kind: 'text', value: (d) => d.stage, width: 20 },
    { header: 'forecast category', kind: 'text', value: (d) => d.forecastCategory, width: 18 },
    { header: 'amount', kind: 'decimal', value: (d) => d.amount },
    { header: 'currency', kind: 'text', value: (d) => d.currency, width: 9 },
    {
      header: `corporate amount (${corporateCurrency})`,
      kind: 'decimal',
      value: (d) => d.corporateAmount,
      width: 22,
    },
    { header: 'close date', kind: 'day', value: (d) => d.closeDate },
    { header: 'push count', kind: 'integer', value: (d) => d.pushCount },
    { header: 'next step', kind: 'text', value: (d) => d.nextStep, width: 32 },
    { header: 'created at (UTC)', kind: 'instant', value: (d) => d.createdAt },
  ];
}

/**
 * `candor-deals-2026-Q1-as-of-2026-05-01T12-00-00Z.csv`: what the file holds and the instant it
 * shows (asOf, else now), with colons replaced so that every file system accepts the name.
 */
export function exportFileName(options: ExportOpportunitiesOptions): string {
  const range =
    options.period ??
    (options.closeFrom !== undefined || options.closeTo !== undefined
      ? `${options.closeFrom ?? 'start'}-to-${options.closeTo ?? 'end'}`
      : 'all');
  const instant = (options.asOf ?? options.now)
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replaceAll(':', '-');
  return `candor-deals-${range}-as-of-${instant}.${options.format}`;
}
