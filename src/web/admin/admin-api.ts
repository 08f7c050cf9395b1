import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getJson, sendJson } from '../http/api-client.js';
import { useSession } from '../session/session-context.js';

/** The admin collections; each tab reads one and refreshes it after a change. */
export type AdminResource = 'users' | 'teams' | 'stages' | 'settings' | 'currencies';

export function useAdminQuery<T>(resource: AdminResource) {
  return useQuery({
    queryKey: ['admin', resource],
    queryFn: ({ signal }) => getJson<T>(`/api/admin/${resource}`, {}, signal),
  });
}

export type AdminChange = {
  method: 'POST' | 'PATCH' | 'DELETE';
  path: string;
  body?: unknown;
};

/**
 * A change made on an admin page. Afterwards the touched collections are read again, and so is the
 * session (an admin may have changed their own roles) and anything derived from teams and stages.
 */
export function useAdminChange(...touched: AdminResource[]) {
  const session = useSession();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (change: AdminChange) =>
      sendJson<unknown>(change.path, {
        method: change.method,
        body: change.body,
        csrfToken: session.csrfToken,
      }),
    onSuccess: async () => {
      await Promise.all([
        ...touched.map((resource) => client.invalidateQueries({ queryKey: ['admin', resource] })),
        client.invalidateQueries({ queryKey: ['session'] }),
        client.invalidateQueries({ queryKey: ['deals'] }),
        client.invalidateQueries({ queryKey: ['pipeline'] }),
      ]);
    },
  });
}

export function adminPath(...parts: string[]): string {
  return `/api/admin/${parts.map(encodeURIComponent).join('/')}`;
}
