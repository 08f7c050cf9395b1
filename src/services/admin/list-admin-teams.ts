import type { Role } from '../../core/org-entities.js';
import { orderTeamTree, type PlacedTeam } from '../../core/admin/team-tree.js';
import { listTeams, listUsersWithRoles } from '../../store/admin-queries.js';
import { withConnection, type Connection, type DatabaseHandle } from '../../store/session.js';

export type AdminTeam = PlacedTeam & { members: { userId: string; name: string; role: Role }[] };

/** The team tree in reading order, each team with the people who hold a role in it. */
export async function listAdminTeams(handle: DatabaseHandle): Promise<AdminTeam[]> {
  return withConnection(handle, (conn) => readAdminTeams(conn));
}

export async function readAdminTeams(conn: Pick<Connection, 'db'>): Promise<AdminTeam[]> {
  // One after the other: a connection runs one query at a time (pg queues a second one, and warns).
  const teams = await listTeams(conn);
  const users = await listUsersWithRoles(conn);
  const members = new Map<string, AdminTeam['members']>();
  for (const user of users) {
    for (const role of user.roles) {
      const list = members.get(role.teamId) ?? [];
      list.push({ userId: user.id, name: user.name, role: role.role });
      members.set(role.teamId, list);
    }
  }
  return orderTeamTree(teams).map((team) => ({ ...team, members: members.get(team.id) ?? [] }));
}
