import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { BridgeResponse } from '../../api/bridge.js';
import { getJson } from '../http/api-client.js';

export type BridgeGrouping = 'team' | 'rep' | 'segment';

export function useBridge(params: { period: string; group: BridgeGrouping | null; call: string | null }) {
  return useQuery({
    queryKey: ['bridge', params.period, params.group, params.call],
    queryFn: ({ signal }) =>
      getJson<BridgeResponse>(
        '/api/bridge',
        { period: params.period, group: params.group, call: params.call },
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}
