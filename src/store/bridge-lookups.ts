import { sql } from 'kysely';
import type { BridgePerson } from '../core/bridge/bridge-types.js';
import type { Connection } from '../db/connection.js';

/**
 * Names for the bridge: each person with the team they sell in (the team where they hold the rep
 * role, else where they manage, else any; ties by team name), and each account's segment.
 */
export async function loadBridgeLookups(
  conn: Pick<Connection, 'db'>,
  accountIds: readonly string[],
): Promise<{ people: Map<string, BridgePerson>; segments: Map<string, string | null> }> {
  const people = await sql<{ id: string; name: string; team_id: string | null; team_name: string | null }>`
    select distinct on (u.id) u.id, u.name, t.id as team_id, t.name as team_name
    from users u
    left join memberships m on m.user_id = u.id
    left join teams t on t.id = m.team_id
    order by u.id, case m.role when 'rep' then 0 when 'manager' then 1 else 2 end, t.name`.execute(conn.db);
  const accounts =
    accountIds.length === 0
      ? { rows: [] }
      : await sql<{ id: string; segment: string | null }>`
          select id, segment from accounts where id = any(${[...accountIds]}::text[])`.execute(conn.db);
  return {
    people: new Map(
      people.rows.map((p) => [p.id, { name: p.name, teamId: p.team_id, teamName: p.team_name }]),
    ),
    segments: new Map(accounts.rows.map((a) => [a.id, a.segment])),
  };
}
