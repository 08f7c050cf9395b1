import { useQuery } from '@tanstack/react-query';
import type { BacktestResponse } from '../../api/backtest.js';
import type { TrackRecordsResponse } from '../../api/calls.js';
import { getJson } from '../http/api-client.js';

export function useTrackRecords() {
  return useQuery({
    queryKey: ['calls', 'track-records'],
    queryFn: ({ signal }) => getJson<TrackRecordsResponse>('/api/calls/track-records', {}, signal),
  });
}

/** The organisation's backtest: only for those who read everything (the server answers 403 otherwise). */
export function useBacktest(enabled: boolean) {
  return useQuery({
    queryKey: ['backtest'],
    queryFn: ({ signal }) => getJson<BacktestResponse>('/api/backtest', {}, signal),
    enabled,
    staleTime: 5 * 60_000,
  });
}
