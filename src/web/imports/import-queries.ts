import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ImportJobResponse } from '../../api/import-jobs.js';
import { getJson, sendJson } from '../http/api-client.js';
import { useSession } from '../session/session-context.js';

export function useImportJobs() {
  return useQuery({
    queryKey: ['imports', 'list'],
    queryFn: ({ signal }) => getJson<{ items: ImportJobResponse[] }>('/api/imports', {}, signal),
  });
}

/** One job, polled every second while it runs and left alone once it has finished. */
export function useImportJob(id: string | null) {
  return useQuery({
    queryKey: ['imports', 'job', id],
    queryFn: ({ signal }) =>
      getJson<ImportJobResponse>(`/api/imports/${encodeURIComponent(id ?? '')}`, {}, signal),
    enabled: id !== null,
    refetchInterval: (query) => (query.state.data?.status === 'running' ? 1000 : false),
  });
}

export function useStartImport() {
  const session = useSession();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (form: FormData) =>
      sendJson<ImportJobResponse>('/api/imports', { body: form, csrfToken: session.csrfToken }),
    onSuccess: async (job) => {
      client.setQueryData(['imports', 'job', job.id], job);
      await client.invalidateQueries({ queryKey: ['imports', 'list'] });
    },
  });
}

/** After a job lands data, every figure on screen may have changed. */
export function useRefreshAfterImport() {
  const client = useQueryClient();
  return () =>
    Promise.all(
      [['imports', 'list'], ['deals'], ['pipeline'], ['ledger'], ['admin'], ['deal']].map((queryKey) =>
        client.invalidateQueries({ queryKey }),
      ),
    );
}
