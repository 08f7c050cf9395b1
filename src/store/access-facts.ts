import type { AccessFacts } from '../core/compute-access.js';
import type { Role } from '../core/org-entities.js';
import type { Connection } from '../db/connection.js';

/** Everything computeAccess needs: the person's roles, the team tree, and who is in which team. */
export async function loadAccessFacts(conn: Pick<Connection, 'db'>, userId: string): Promise<AccessFacts> {
  // One after the other: a connection runs one query at a time (pg queues a second one, and warns).
  const memberships = await conn.db
    .selectFrom('memberships')
    .select(['user_id', 'team_id', 'role'])
    .execute();
  const teams = await conn.db.selectFrom('teams').select(['id', 'name', 'parent_id']).execute();
  return {
    userId,
    memberships: memberships
      .filter((m) => m.user_id === userId)
      .map((m) => ({ teamId: m.team_id, role: m.role as Role })),
    teams: teams.map((t) => ({ id: t.id, name: t.name, parentId: t.parent_id })),
    allMemberships: memberships.map((m) => ({ userId: m.user_id, teamId: m.team_id })),
  };
}
