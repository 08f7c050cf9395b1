import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type InfiniteData,
} from '@tanstack/react-query';
import type { OpportunityDetailResponse } from '../../api/opportunity-detail.js';
import type { OpportunityEdit } from '../../api/opportunity-edit.js';
import type {
  DealFilterOptionsResponse,
  OpportunityListItem,
  OpportunityListResponse,
} from '../../api/opportunity-list.js';
import { getJson, sendJson, type QueryValue } from '../http/api-client.js';

/** Rows per request: large enough to fill a tall screen several times, small enough to answer fast. */
export const dealPageSize = 300;

export function useDealPages(params: Record<string, QueryValue>) {
  return useInfiniteQuery({
    queryKey: ['deals', 'list', params],
    initialPageParam: 0,
    queryFn: ({ pageParam, signal }) =>
      getJson<OpportunityListResponse>(
        '/api/opportunities',
        { ...params, limit: dealPageSize, offset: pageParam },
        signal,
      ),
    getNextPageParam: (last) => {
      const next = last.offset + last.items.length;
      return next < last.total && last.items.length > 0 ? next : undefined;
    },
    // While new filters load, the old rows stay (dimmed) instead of the table collapsing.
    placeholderData: keepPreviousData,
  });
}

/**
 * Owners and stages to offer in the filters and the stage editors, from the server: the owners are
 * the people whose deals the caller can see (as of the view's day in history mode), the stages
 * every stage of the organisation in pipeline order. `editableStages` leaves out retired ones.
 */
export function useDealFacets(params: { asOf: string | null }) {
  return useQuery({
    queryKey: ['deals', 'facets', params],
    queryFn: ({ signal }) =>
      getJson<DealFilterOptionsResponse>('/api/opportunities/filter-options', { asOf: params.asOf }, signal),
    select: selectFacets,
    staleTime: 5 * 60_000,
  });
}

// At module level, so the query keeps the derived lists between renders instead of rebuilding them.
function selectFacets(options: DealFilterOptionsResponse) {
  return {
    owners: options.owners.map((o) => ({ id: o.id, name: o.active ? o.name : `${o.name} (inactive)` })),
    stages: options.stages.map((s) => s.name),
    editableStages: options.stages.filter((s) => s.active).map((s) => s.name),
  };
}

/** One deal as it stands now, or with `asOf` as it stood then (its version in effect at that day). */
export function useDeal(id: string, asOf: string | null = null) {
  return useQuery({
    queryKey: ['deal', id, 'detail', asOf],
    queryFn: ({ signal }) =>
      getJson<OpportunityDetailResponse>(`/api/opportunities/${encodeURIComponent(id)}`, { asOf }, signal),
  });
}

export type EditDealInput = { id: string; edit: OpportunityEdit };

/**
 * Saves an edit. The answer is the deal as it now stands: it replaces the row in every loaded list
 * page at once (no refetch of thousands of rows), and the deal's own page, timeline and the
 * pipeline totals are refetched because the edit changed them.
 */
export function useEditDeal(csrfToken: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, edit }: EditDealInput) =>
      sendJson<OpportunityDetailResponse>(`/api/opportunities/${encodeURIComponent(id)}`, {
        method: 'PATCH',
        body: edit,
        csrfToken,
      }),
    onSuccess: async (deal) => {
      client.setQueryData(['deal', deal.id, 'detail', null], deal);
      client.setQueriesData<InfiniteData<OpportunityListResponse>>({ queryKey: ['deals', 'list'] }, (data) =>
        data
          ? {
              ...data,
              pages: data.pages.map((page) => ({
                ...page,
                items: page.items.map((item) => (item.id === deal.id ? patchListItem(item, deal) : item)),
              })),
            }
          : data,
      );
      await Promise.all([
        client.invalidateQueries({ queryKey: ['deal', deal.id] }),
        client.invalidateQueries({ queryKey: ['pipeline'] }),
        // Other filters and sorts may now include or exclude the deal: refetch them when next shown.
        client.invalidateQueries({ queryKey: ['deals'], refetchType: 'none' }),
      ]);
    },
  });
}

function patchListItem(item: OpportunityListItem, deal: OpportunityDetailResponse): OpportunityListItem {
  return {
    ...item,
    name: deal.name,
    stage: deal.stage,
    forecastCategory: deal.forecastCategory,
    amount: deal.amount,
    currency: deal.currency,
    corporateAmount: deal.corporateAmount,
    closeDate: deal.closeDate,
    isClosed: deal.isClosed,
    isWon: deal.isWon,
    pushCount: deal.pushCount,
    nextStep: deal.nextStep,
    isLateRecordedClose: deal.marks.isLateRecordedClose,
  };
}
