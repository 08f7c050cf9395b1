import { getCoreRowModel, useReactTable, flexRender } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef } from 'react';
import type { OpportunityListItem } from '../../api/opportunity-list.js';
import { useSession } from '../session/session-context.js';
import { describeError } from '../http/api-error.js';
import { EmptyState, Notice } from '../ui/notice.js';
import { useView } from '../view/use-view.js';
import { dealColumns, type DealColumnMeta } from './deal-columns.js';
import { dealQueryParams, useDealFilters } from './deal-filters.js';
import { useDealFacets, useDealPages } from './deal-queries.js';
import { DealFiltersBar } from './deal-filters-bar.js';
import { DealsSummary } from './deals-summary.js';

const emptyRows: OpportunityListItem[] = [];
const noStages: string[] = [];

/**
 * The deal list: filters, a summary that adds up what is listed, and a table that renders only the
 * rows on screen (a few dozen DOM rows whether 50 or 100,000 deals match) and fetches the next page
 * as the reader nears the end of what is loaded.
 */
export function DealsTable({ height = 'regular' }: { height?: 'regular' | 'tall' }) {
  const session = useSession();
  const view = useView();
  const [filters, setFilters] = useDealFilters();
  const params = useMemo(() => dealQueryParams(filters, view), [filters, view]);
  const pages = useDealPages(params);
  const facets = useDealFacets({ asOf: view.asOf });
  const rows = useMemo(() => pages.data?.pages.flatMap((page) => page.items) ?? emptyRows, [pages.data]);
  const first = pages.data?.pages[0];
  const total = first?.total ?? 0;
  const currency = first?.currency ?? 'USD';
  const canEdit = session.can.editDeals && !view.isHistory;
  const stageOptions = facets.data?.editableStages ?? noStages;

  const columns = useMemo(
    () => dealColumns({ canEdit, stageOptions, corporateCurrency: currency, dealLink: view.carry }),
    [canEdit, stageOptions, currency, view.carry],
  );
  // TanStack Table hands back fresh functions on purpose; React's compiler leaves this component alone.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: rows,
    columns,
    getRowId: (deal) => deal.id,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
  });
  const tableRows = table.getRowModel().rows;

  const scrollRef = useRef<HTMLDivElement>(null);
  const hasMore = pages.hasNextPage;
  const virtualizer = useVirtualizer({
    count: tableRows.length + (hasMore ? 1 : 0),
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 44,
    overscan: 10,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? 0;
  const { fetchNextPage, isFetchingNextPage } = pages;

  useEffect(() => {
    // Within 60 rows of the end of what is loaded: ask for the next page before the reader gets there.
    if (hasMore && !isFetchingNextPage && lastIndex >= tableRows.length - 60) void fetchNextPage();
  }, [hasMore, isFetchingNextPage, lastIndex, tableRows.length, fetchNextPage]);

  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  const colSpan = columns.length;

  return (
    <section className="panel deals-panel" aria-label="Deals">
      <DealFiltersBar filters={filters} onChange={setFilters} facets={facets.data} params={params} />
      <DealsSummary
        rows={rows}
        total={total}
        currency={currency}
        loading={pages.isFetching}
        complete={!hasMore && pages.isSuccess}
      />
      {pages.isError ? <Notice tone="error">{describeError(pages.error)}</Notice> : null}
      <div
        ref={scrollRef}
        className={`table-scroll table-scroll-${height}${pages.isPlaceholderData ? ' is-stale' : ''}`}
        tabIndex={0}
        aria-label="Deal table, scrolls"
      >
        <table className="data-table deals-table" aria-rowcount={total + 1}>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const meta = header.column.columnDef.meta as DealColumnMeta | undefined;
                  const sortKey = meta?.sortKey;
                  const active = sortKey !== undefined && filters.sort === sortKey;
                  const label = flexRender(header.column.columnDef.header, header.getContext());
                  return (
                    <th
                      key={header.id}
                      className={meta?.className}
                      aria-sort={active ? (filters.order === 'asc' ? 'ascending' : 'descending') : undefined}
                    >
                      {sortKey ? (
                        <button
                          type="button"
                          className="sort-button"
                          onClick={() =>
                            setFilters({
                              sort: sortKey,
                              order: active && filters.order === 'asc' ? 'desc' : 'asc',
                            })
                          }
                        >
                          {label}
                          <span className="sort-mark" aria-hidden="true">
                            {active ? (filters.order === 'asc' ? '▲' : '▼') : '↕'}
                          </span>
                        </button>
                      ) : (
                        label
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {paddingTop > 0 ? (
              <tr aria-hidden="true">
                <td colSpan={colSpan} style={{ height: paddingTop }} className="spacer" />
              </tr>
            ) : null}
            {items.map((item) => {
              const row = tableRows[item.index];
              if (!row) {
                return (
                  <tr key="loader" ref={virtualizer.measureElement} data-index={item.index}>
                    <td colSpan={colSpan} className="loader-cell">
                      Loading more deals…
                    </td>
                  </tr>
                );
              }
              return (
                <tr
                  key={row.id}
                  ref={virtualizer.measureElement}
                  data-index={item.index}
                  data-deal-id={row.original.id}
                >
                  {row.getVisibleCells().map((cell) => {
                    const meta = cell.column.columnDef.meta as DealColumnMeta | undefined;
                    return (
                      <td key={cell.id} className={meta?.className}>
                        {flexRender(cell.column.columnDef.cell, cell.getContext())}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
            {paddingBottom > 0 ? (
              <tr aria-hidden="true">
                <td colSpan={colSpan} style={{ height: paddingBottom }} className="spacer" />
              </tr>
            ) : null}
          </tbody>
        </table>
        {pages.isSuccess && total === 0 ? (
          <EmptyState title="No deals match">Widen the filters, or pick another quarter.</EmptyState>
        ) : null}
      </div>
    </section>
  );
}
