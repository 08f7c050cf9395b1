import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { QueryValue } from '../http/api-client.js';
import { categories, sortKeys, type Category, type SortKey } from '../format/contract-values.js';

/**
 * The deal table's filters, kept in the address bar next to the view (period, asOf) so a filtered
 * list can be bookmarked and shared. `close` says which close dates count: the quarter picked in
 * the top bar (the default), any, or a range of days.
 */
export type CloseFilter = 'period' | 'any' | 'range';

export type DealFilters = {
  owner: string | null;
  team: string | null;
  stage: string | null;
  categories: Category[];
  search: string;
  sort: SortKey;
  order: 'asc' | 'desc';
  close: CloseFilter;
  closeFrom: string | null;
  closeTo: string | null;
};

const filterKeys = ['owner', 'team', 'stage', 'category', 'q', 'sort', 'order', 'close', 'from', 'to'];
const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

export function readDealFilters(params: URLSearchParams): DealFilters {
  const sort = params.get('sort');
  const close = params.get('close');
  const day = (key: string) => {
    const value = params.get(key);
    return value && dayPattern.test(value) ? value : null;
  };
  return {
    owner: params.get('owner') || null,
    team: params.get('team') || null,
    stage: params.get('stage') || null,
    categories: params
      .getAll('category')
      .filter((c): c is Category => (categories as readonly string[]).includes(c)),
    search: params.get('q') ?? '',
    sort: sortKeys.find((key) => key === sort) ?? 'closeDate',
    order: params.get('order') === 'desc' ? 'desc' : 'asc',
    close: close === 'any' || close === 'range' ? close : 'period',
    closeFrom: day('from'),
    closeTo: day('to'),
  };
}

function writeDealFilters(base: URLSearchParams, filters: DealFilters): URLSearchParams {
  const next = new URLSearchParams(base);
  for (const key of filterKeys) next.delete(key);
  const set = (key: string, value: string | null, fallback?: string) => {
    if (value && value !== fallback) next.set(key, value);
  };
  set('owner', filters.owner);
  set('team', filters.team);
  set('stage', filters.stage);
  for (const category of filters.categories) next.append('category', category);
  set('q', filters.search.trim() || null);
  set('sort', filters.sort, 'closeDate');
  set('order', filters.order, 'asc');
  set('close', filters.close, 'period');
  if (filters.close === 'range') {
    set('from', filters.closeFrom);
    set('to', filters.closeTo);
  }
  return next;
}

export function useDealFilters(): [DealFilters, (change: Partial<DealFilters>) => void] {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => readDealFilters(params), [params]);
  const update = useCallback(
    (change: Partial<DealFilters>) =>
      setParams((previous) => writeDealFilters(previous, { ...readDealFilters(previous), ...change }), {
        replace: true,
      }),
    [setParams],
  );
  return [filters, update];
}

/** The query parameters of GET /api/opportunities (and of its export) for these filters. */
export function dealQueryParams(
  filters: DealFilters,
  view: { period: string; asOf: string | null },
): Record<string, QueryValue> {
  const closeRange =
    filters.close === 'period'
      ? { period: view.period }
      : filters.close === 'range'
        ? { closeFrom: filters.closeFrom, closeTo: filters.closeTo }
        : {};
  return {
    ...closeRange,
    asOf: view.asOf,
    owner: filters.owner,
    team: filters.team,
    stage: filters.stage,
    category: filters.categories,
    search: filters.search.trim() || null,
    sort: filters.sort,
    order: filters.order,
  };
}

export function hasNarrowingFilters(filters: DealFilters): boolean {
  return Boolean(
    filters.owner || filters.team || filters.stage || filters.categories.length || filters.search.trim(),
  );
}
