import { useQuery } from '@tanstack/react-query';
import type { AdminTeam } from '../../api/admin-teams.js';
import { getJson } from '../http/api-client.js';
import { useSession } from '../session/session-context.js';

export type TeamOption = { id: string; label: string };

/**
 * Teams to filter by. Admins read the whole tree (indented by depth); everyone else is offered the
 * teams they hold a role in, which is where their scope comes from.
 */
export function useTeamOptions(): TeamOption[] {
  const session = useSession();
  const tree = useQuery({
    queryKey: ['admin', 'teams'],
    queryFn: () => getJson<{ teams: AdminTeam[] }>('/api/admin/teams'),
    enabled: session.can.administer,
    staleTime: 5 * 60_000,
  });
  if (tree.data) {
    return tree.data.teams.map((team) => ({
      id: team.id,
      label: `${'\u2003'.repeat(team.depth)}${team.name}`,
    }));
  }
  const seen = new Map<string, string>();
  for (const role of session.roles) seen.set(role.teamId, role.teamName);
  return [...seen].map(([id, label]) => ({ id, label }));
}
