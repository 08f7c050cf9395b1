import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CallGridResponse,
  CallHistoryResponse,
  CallSubmissionRequest,
  CallViewResponse,
  MissingCallsResponse,
} from '../../api/calls.js';
import type { ForecastResponse } from '../../api/forecast.js';
import { getJson, sendJson } from '../http/api-client.js';

export function useCallGrid(period: string, team: string | null) {
  return useQuery({
    queryKey: ['calls', 'grid', period, team],
    queryFn: ({ signal }) => getJson<CallGridResponse>('/api/calls/grid', { period, team }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useCallHistory(period: string, user: string | null) {
  return useQuery({
    queryKey: ['calls', 'history', period, user],
    queryFn: ({ signal }) => getJson<CallHistoryResponse>('/api/calls/history', { period, user }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useMissingCalls(period: string) {
  return useQuery({
    queryKey: ['calls', 'reminders', period],
    queryFn: ({ signal }) => getJson<MissingCallsResponse>('/api/calls/reminders', { period }, signal),
  });
}

export function useSubmitCall(csrfToken: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CallSubmissionRequest) =>
      sendJson<CallViewResponse>('/api/calls', { method: 'POST', body, csrfToken }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['calls'] }),
  });
}

/**
 * Candor's own forecast for a team or a person, when the server offers it: the column and the
 * range are shown when GET /api/forecast answers and left out when it does not (no retries, so a
 * server without the forecast costs one request).
 */
export function useCandorForecast(
  period: string,
  subject: { team?: string | null; owner?: string | null },
  asOf: string | null = null,
  enabled = true,
) {
  return useQuery({
    enabled,
    queryKey: ['forecast', period, subject.team ?? null, subject.owner ?? null, asOf],
    queryFn: ({ signal }) =>
      getJson<ForecastResponse>(
        '/api/forecast',
        { period, team: subject.team ?? null, owner: subject.owner ?? null, asOf },
        signal,
      ),
    retry: false,
    staleTime: 5 * 60_000,
  });
}
