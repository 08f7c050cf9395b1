import { useQuery } from '@tanstack/react-query';
import type { TrackRecordsResponse } from '../../api/calls.js';
import { getJson } from '../http/api-client.js';

export function useTrackRecords() {
  return useQuery({
    queryKey: ['calls', 'track-records'],
    queryFn: ({ signal }) => getJson<TrackRecordsResponse>('/api/calls/track-records', {}, signal),
  });
}
