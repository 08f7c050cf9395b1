import { sql } from 'kysely';
import type { Role } from '../core/org-entities.js';
import type { Connection } from '../db/connection.js';

type Db = Pick<Connection, 'db'>;

/**
 * Takes the ledger's write lock at the start of a change, before its checks read anything.
 * appendEvents takes the same lock later, but a check made before it (is this e-mail free? is the
 * deal still at the seq the editor saw?) could otherwise pass in two concurrent transactions at
 * once. Writers queue here; readers are not blocked.
 */
export async function lockLedgerForChange(conn: Db): Promise<void> {
  await sql`select seq from ledger_head where id = 1 for update`.execute(conn.db);
}

export type AdminUserRow = {
  id: string;
  name: string;
  email: string | null;
  title: string | null;
  active: boolean;
  hasPassword: boolean;
  roles: { teamId: string; teamName: string; role: Role }[];
};

/** Every person with their roles and whether they have a password (never the hash itself). */
export async function listUsersWithRoles(conn: Db, userId?: string): Promise<AdminUserRow[]> {
  let users = conn.db
    .selectFrom('users as u')
    .leftJoin('user_credentials as c', 'c.user_id', 'u.id')
    .select(['u.id', 'u.name', 'u.email', 'u.title', 'u.active', 'c.user_id as credential'])
    .orderBy('u.name')
    .orderBy('u.id');
  let roles = conn.db
    .selectFrom('memberships as m')
    .leftJoin('teams as t', 't.id', 'm.team_id')
    .select(['m.user_id', 'm.team_id', 'm.role', 't.name as team_name'])
    .orderBy('t.name')
    .orderBy('m.role');
  if (userId !== undefined) {
    users = users.where('u.id', '=', userId);
    roles = roles.where('m.user_id', '=', userId);
  }
  // One after the other: a connection runs one query at a time (pg queues a second one, and warns).
  const userRows = await users.execute();
  const roleRows = await roles.execute();
  const byUser = new Map<string, AdminUserRow['roles']>();
  for (const r of roleRows) {
    const list = byUser.get(r.user_id) ?? [];
    list.push({ teamId: r.team_id, teamName: r.team_name ?? r.team_id, role: r.role as Role });
    byUser.set(r.user_id, list);
  }
  return userRows.map((u) => ({
    id: u.id,
    name: u.name,
    email: u.email,
    title: u.title,
    active: u.active,
    hasPassword: u.credential !== null,
    roles: byUser.get(u.id) ?? [],
  }));
}

/** Ids of the people whose e-mail matches without regard to case. */
export async function findUserIdsByEmail(conn: Db, email: string): Promise<string[]> {
  const rows = await conn.db
    .selectFrom('users')
    .select('id')
    .where(sql<boolean>`lower(email) = lower(${email})`)
    .execute();
  return rows.map((r) => r.id);
}

/** Whether any record of this entity exists in the ledger (ids are never reused, even retired ones). */
export async function entityIdExists(conn: Db, entityType: string, entityId: string): Promise<boolean> {
  const row = await conn.db
    .selectFrom('events')
    .select('seq')
    .where('entity_type', '=', entityType)
    .where('entity_id', '=', entityId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export type TeamRow = { id: string; name: string; parentId: string | null };

export async function listTeams(conn: Db): Promise<TeamRow[]> {
  const rows = await conn.db
    .selectFrom('teams')
    .select(['id', 'name', 'parent_id'])
    .orderBy('name')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, parentId: r.parent_id }));
}

/** The latest recorded event of an entity: who changed it last, and when. */
export async function findLatestEvent(
  conn: Db,
  entityType: string,
  entityId: string,
): Promise<{ seq: bigint; actor: string; recordedTime: Date } | null> {
  const row = await conn.db
    .selectFrom('events')
    .select(['seq', 'actor', 'recorded_time'])
    .where('entity_type', '=', entityType)
    .where('entity_id', '=', entityId)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? { seq: BigInt(row.seq), actor: row.actor, recordedTime: row.recorded_time } : null;
}
