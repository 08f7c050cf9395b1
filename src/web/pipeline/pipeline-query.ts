import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { PipelineResponse } from '../../api/pipeline.js';
import { getJson } from '../http/api-client.js';

export function usePipeline(period: string, asOf: string | null) {
  return useQuery({
    queryKey: ['pipeline', period, asOf],
    queryFn: ({ signal }) => getJson<PipelineResponse>('/api/pipeline', { period, asOf }, signal),
    placeholderData: keepPreviousData,
  });
}
