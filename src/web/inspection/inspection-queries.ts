import { useQuery } from '@tanstack/react-query';
import type { HygieneReportResponse, InspectionResponse } from '../../api/hygiene.js';
import { getJson } from '../http/api-client.js';

const endOfDay = (day: string | null) => (day ? `${day}T23:59:59Z` : undefined);

/** The period and moment the page reads hygiene with, for its export links as for its lists. */
export function hygieneViewQuery(period: string, asOfDay: string | null) {
  return { period, asOf: endOfDay(asOfDay) };
}

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
