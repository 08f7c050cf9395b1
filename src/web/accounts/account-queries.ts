import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AccountMatchView } from '../../api/engagement.js';
import { getJson } from '../http/api-client.js';

/** Accounts the person may see whose name contains the text (nothing is asked for blank text). */
export function useAccountSearch(search: string) {
  const text = search.trim();
  return useQuery({
    queryKey: ['accounts', 'search', text],
    queryFn: ({ signal }) =>
      getJson<{ items: AccountMatchView[] }>('/api/accounts', { search: text, limit: 8 }, signal),
    enabled: text !== '',
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}
