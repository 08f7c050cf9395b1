import { sql } from 'kysely';
import type { Connection } from '../db/connection.js';

/**
 * The users who hold any role in a team or in any team below it (the tree has any depth), or null
 * when there is no such team.
 */
export async function findTeamMemberIds(
  conn: Pick<Connection, 'db'>,
  teamId: string,
): Promise<string[] | null> {
  const team = await conn.db.selectFrom('teams').select('id').where('id', '=', teamId).executeTakeFirst();
  if (!team) return null;
  const result = await sql<{ user_id: string }>`
    with recursive subtree(id) as (
      select ${teamId}::text
      union
      select t.id from teams t join subtree s on t.parent_id = s.id
    )
    select distinct m.user_id from memberships m join subtree s on s.id = m.team_id
    order by m.user_id`.execute(conn.db);
  return result.rows.map((r) => r.user_id);
}
