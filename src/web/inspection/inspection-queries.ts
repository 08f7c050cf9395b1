import { useQuery } from '@tanstack/react-query';
import type { HygieneReportResponse, InspectionResponse } from '../../api/hygiene.js';
import { getJson } from '../http/api-client.js';

const endOfDay = (day: string | null) => (day ? `${day}T23:59:59Z` : undefined);

export function useHygieneReport(period: string, asOfDay: string | null) {
  return useQuery({
    queryKey: ['hygiene', period, asOfDay],
    queryFn: ({ signal }) =>
      getJson<HygieneReportResponse>(
        '/api/hygiene',
        { period, asOf: endOfDay(asOfDay), trendWeeks: 6, forecast: 'true' },
        signal,
      ),
  });
}

export function useInspection(period: string, asOfDay: string | null) {
  return useQuery({
    queryKey: ['inspection', period, asOfDay],
    queryFn: ({ signal }) =>
      getJson<InspectionResponse>('/api/hygiene/inspection', { period, asOf: endOfDay(asOfDay) }, signal),
  });
}
