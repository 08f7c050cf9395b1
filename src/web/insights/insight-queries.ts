import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InsightCapture, InsightSummaryView, InsightView } from '../../api/insights.js';
import { getJson, sendJson } from '../http/api-client.js';
import { useSession } from '../session/session-context.js';

export function useInsightSummary(params: { period: string; segment: string; teamId: string }) {
  return useQuery({
    queryKey: ['insights', 'summary', params],
    queryFn: ({ signal }) =>
      getJson<InsightSummaryView>(
        '/api/insights/summary',
        { period: params.period, segment: params.segment, teamId: params.teamId },
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}

/** How many insights a list reads, and so how many its export holds. */
export const insightListLimit = 100;

export function useInsights(params: { accountId?: string; opportunityId?: string }) {
  return useQuery({
    queryKey: ['insights', 'list', params],
    queryFn: ({ signal }) =>
      getJson<{ insights: InsightView[] }>('/api/insights', { ...params, limit: insightListLimit }, signal),
  });
}

/** Captures an insight; afterwards every insight list and summary is read again. */
export function useCaptureInsight() {
  const session = useSession();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: InsightCapture) =>
      sendJson<InsightView>('/api/insights', { method: 'POST', body, csrfToken: session.csrfToken }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['insights'] }),
  });
}
