import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ActivityListResponse } from '../../api/activities.js';
import type { PipelineResponse } from '../../api/pipeline.js';
import type { LeadingInsight, ScorecardReport } from '../../api/scorecards.js';
import { getJson } from '../http/api-client.js';
import { listQuarterSpans, parseQuarterText, type QuarterSpans } from './quarter-spans.js';

/** The scorecards of a quarter, month or week (`2026-Q3`, `2026-08`, `2026-W32`). */
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

/**
 * The months and fiscal weeks of a quarter. The server says which days a period covers (the
 * pipeline report's close-date bounds): the quarter's, and week 1's of its fiscal year, from which
 * every week is named as the server names it (see quarter-spans.ts). Periods never change meaning
 * while the app is open, so the answer is kept.
 */
export function useQuarterSpans(quarter: string) {
  return useQuery({
    queryKey: ['scorecards', 'spans', quarter],
    enabled: parseQuarterText(quarter) !== null,
    staleTime: Infinity,
    queryFn: async ({ signal }): Promise<QuarterSpans> => {
      const bounds = (period: string) => getJson<PipelineResponse>('/api/pipeline', { period }, signal);
      const [span, firstWeek] = await Promise.all([bounds(quarter), bounds(`${quarter.slice(0, 4)}-W01`)]);
      return listQuarterSpans({
        quarter,
        quarterStart: span.closeFrom,
        quarterEnd: span.closeTo,
        firstWeekStart: firstWeek.closeFrom,
      });
    },
  });
}

/** The activities behind a figure, by id (at most 200, as the scorecard lists them). */
export function useActivities(ids: readonly string[]) {
  return useQuery({
    queryKey: ['activities', ids],
    queryFn: ({ signal }) => getJson<ActivityListResponse>('/api/activities', { ids: ids.join(',') }, signal),
    enabled: ids.length > 0,
  });
}
