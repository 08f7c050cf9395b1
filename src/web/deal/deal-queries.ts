import { useQuery } from '@tanstack/react-query';
import type { AdminUser } from '../../api/admin-users.js';
import type { OpportunityTimelineResponse } from '../../api/opportunity-timeline.js';
import { getJson } from '../http/api-client.js';
import { useSession } from '../session/session-context.js';

export function useTimeline(id: string) {
  return useQuery({
    queryKey: ['deal', id, 'timeline'],
    queryFn: ({ signal }) =>
      getJson<OpportunityTimelineResponse>(
        `/api/opportunities/${encodeURIComponent(id)}/timeline`,
        {},
        signal,
      ),
  });
}

/**
 * Names for the user ids the ledger records as actors. Admins can read everyone; for others the
 * names known from the page (the owner, themselves) are used and any other id is shown as it is.
 */
export function usePeopleNames(known: Record<string, string>): (id: string) => string {
  const session = useSession();
  const people = useQuery({
    queryKey: ['admin', 'users'],
    queryFn: () => getJson<{ users: AdminUser[] }>('/api/admin/users'),
    enabled: session.can.administer,
    staleTime: 5 * 60_000,
    retry: false,
  });
  const names = new Map<string, string>(Object.entries(known));
  names.set(session.user.id, `${session.user.name} (you)`);
  for (const user of people.data?.users ?? []) if (!names.has(user.id)) names.set(user.id, user.name);
  return (id: string) => (id === 'system' ? 'Candor (system)' : (names.get(id) ?? id));
}
