import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { LeadingInsight, ScorecardReport } from '../../api/scorecards.js';
import { getJson } from '../http/api-client.js';

export function useScorecards(period: string) {
  return useQuery({
    queryKey: ['scorecards', period],
    queryFn: ({ signal }) => getJson<ScorecardReport>('/api/scorecards', { period }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useLeadingInsight(period: string) {
  return useQuery({
    queryKey: ['scorecards', 'insight', period],
    queryFn: ({ signal }) => getJson<LeadingInsight>('/api/scorecards/insight', { period }, signal),
  });
}
