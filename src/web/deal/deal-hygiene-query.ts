import { useQuery } from '@tanstack/react-query';
import type { DealHygieneResponse } from '../../api/hygiene.js';
import { getJson } from '../http/api-client.js';

/** One deal's hygiene inspection, as of the view's day (end of that day) or now. */
export function useDealHygiene(id: string, asOfDay: string | null) {
  return useQuery({
    queryKey: ['deal', id, 'hygiene', asOfDay],
    queryFn: ({ signal }) =>
      getJson<DealHygieneResponse>(
        `/api/hygiene/deals/${encodeURIComponent(id)}`,
        { asOf: asOfDay ? `${asOfDay}T23:59:59Z` : undefined },
        signal,
      ),
  });
}
