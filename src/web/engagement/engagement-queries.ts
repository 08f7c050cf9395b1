import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  AccountOverviewView,
  EngagementPlanView,
  EngagementReportViewDto,
} from '../../api/engagement.js';
import { getJson } from '../http/api-client.js';

export function useEngagementPlan(period: string) {
  return useQuery({
    queryKey: ['engagement', 'plan', period],
    queryFn: ({ signal }) => getJson<EngagementPlanView>('/api/engagement/plan', { period }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useEngagementReport(period: string) {
  return useQuery({
    queryKey: ['engagement', 'report', period],
    queryFn: ({ signal }) => getJson<EngagementReportViewDto>('/api/engagement/report', { period }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useAccountOverview(id: string) {
  return useQuery({
    queryKey: ['accounts', id],
    queryFn: ({ signal }) =>
      getJson<AccountOverviewView>(`/api/accounts/${encodeURIComponent(id)}`, {}, signal),
  });
}
