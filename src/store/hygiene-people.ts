import type { Connection } from '../db/connection.js';

export type HygienePeople = {
  userNames: Map<string, string>;
  teamNames: Map<string, string>;
  teamParents: Map<string, string | null>;
  /** Each person's home team: the team of their rep role, else of their first role by team id. */
  ownerTeams: Map<string, string | null>;
  /** Who holds a manager role in which team. */
  managers: { userId: string; teamId: string }[];
  emails: Map<string, string>;
};

/** People, teams and roles as they stand now, for naming owners and grouping scores. */
export async function loadHygienePeople(conn: Pick<Connection, 'db'>): Promise<HygienePeople> {
  const users = await conn.db.selectFrom('users').select(['id', 'name', 'email']).execute();
  const teams = await conn.db.selectFrom('teams').select(['id', 'name', 'parent_id']).execute();
  const memberships = await conn.db
    .selectFrom('memberships')
    .select(['user_id', 'team_id', 'role'])
    .orderBy('team_id')
    .execute();
  const ownerTeams = new Map<string, string | null>();
  for (const m of memberships) {
    if (m.role === 'rep' || !ownerTeams.has(m.user_id)) ownerTeams.set(m.user_id, m.team_id);
  }
  return {
    userNames: new Map(users.map((u) => [u.id, u.name])),
    emails: new Map(users.flatMap((u) => (u.email ? [[u.id, u.email] as const] : []))),
    teamNames: new Map(teams.map((t) => [t.id, t.name])),
    teamParents: new Map(teams.map((t) => [t.id, t.parent_id])),
    ownerTeams,
    managers: memberships
      .filter((m) => m.role === 'manager')
      .map((m) => ({ userId: m.user_id, teamId: m.team_id })),
  };
}
