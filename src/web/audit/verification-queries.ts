import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { VerificationJobListResponse, VerificationJobResponse } from '../../api/ledger.js';
import { getJson, sendJson } from '../http/api-client.js';
import { useSession } from '../session/session-context.js';

/** The latest verification (what the page shows on arrival), for admins. */
export function useLatestVerification(enabled: boolean) {
  return useQuery({
    queryKey: ['ledger', 'verifications', 'latest'],
    queryFn: async ({ signal }) =>
      (await getJson<VerificationJobListResponse>('/api/ledger/verifications', {}, signal)).items[0] ?? null,
    enabled,
  });
}

/** One verification, polled every second while it runs and left alone once it has ended. */
export function useVerification(id: string | null) {
  return useQuery({
    queryKey: ['ledger', 'verifications', 'job', id],
    queryFn: ({ signal }) =>
      getJson<VerificationJobResponse>(
        `/api/ledger/verifications/${encodeURIComponent(id ?? '')}`,
        {},
        signal,
      ),
    enabled: id !== null,
    refetchInterval: (query) => (query.state.data?.status === 'running' ? 1000 : false),
  });
}

/** Starts a verification (or joins the one already running); the server answers 202 with the job. */
export function useStartVerification() {
  const session = useSession();
  const client = useQueryClient();
  return useMutation({
    mutationFn: () =>
      sendJson<VerificationJobResponse>('/api/ledger/verify', { csrfToken: session.csrfToken }),
    onSuccess: (job) => client.setQueryData(['ledger', 'verifications', 'job', job.id], job),
  });
}
