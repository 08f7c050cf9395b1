import { sql } from 'kysely';
import type { Connection } from '../db/connection.js';

/**
 * Whose call speaks for a team: the people holding the manager or executive role in it; for the
 * whole organisation (no team), in its top teams. Executives first, then by id.
 */
export async function listBridgeCallers(
  conn: Pick<Connection, 'db'>,
  teamId: string | null,
): Promise<string[]> {
  const teams = teamId === null ? sql`t.parent_id is null` : sql`t.id = ${teamId}`;
  const result = await sql<{ user_id: string }>`
    select m.user_id from memberships m join teams t on t.id = m.team_id
    where ${teams} and m.role in ('manager', 'executive')
    order by case m.role when 'executive' then 0 else 1 end, m.user_id`.execute(conn.db);
  return [...new Set(result.rows.map((r) => r.user_id))];
}
