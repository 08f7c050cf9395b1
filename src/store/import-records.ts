import type { LedgerEvent } from '../core/ledger-event.js';
import type {
  AccountRecord,
  ActivityRecord,
  ActivityType,
  Membership,
  Role,
  TeamRecord,
  UserRecord,
} from '../core/org-entities.js';
import type { Connection } from '../db/connection.js';
import { chunk } from './entity-key.js';
import { rowToLedgerEvent } from './event-rows.js';

/**
 * What imports read back to compare a file with the ledger: the current records of the entities a
 * file names, names to look ids up by, and the events of opportunities that get new history.
 */
type Db = Pick<Connection, 'db'>;

/** How many ids go into one `in (…)` list. */
const idsPerQuery = 5_000;

export type UserWithMemberships = UserRecord & { memberships: Membership[] };

export async function findTeams(conn: Db, ids: readonly string[]): Promise<Map<string, TeamRecord>> {
  const found = new Map<string, TeamRecord>();
  for (const part of chunk(ids, idsPerQuery)) {
    const rows = await conn.db.selectFrom('teams').selectAll().where('id', 'in', part).execute();
    for (const r of rows) found.set(r.id, { name: r.name, parentId: r.parent_id });
  }
  return found;
}

export async function findUsers(conn: Db, ids: readonly string[]): Promise<Map<string, UserWithMemberships>> {
  const found = new Map<string, UserWithMemberships>();
  for (const part of chunk(ids, idsPerQuery)) {
    const rows = await conn.db.selectFrom('users').selectAll().where('id', 'in', part).execute();
    for (const r of rows) {
      found.set(r.id, { name: r.name, email: r.email, title: r.title, active: r.active, memberships: [] });
    }
    const memberships = await conn.db
      .selectFrom('memberships')
      .selectAll()
      .where('user_id', 'in', part)
      .execute();
    for (const m of memberships)
      found.get(m.user_id)?.memberships.push({ teamId: m.team_id, role: m.role as Role });
  }
  return found;
}

export async function findAccounts(conn: Db, ids: readonly string[]): Promise<Map<string, AccountRecord>> {
  const found = new Map<string, AccountRecord>();
  for (const part of chunk(ids, idsPerQuery)) {
    const rows = await conn.db.selectFrom('accounts').selectAll().where('id', 'in', part).execute();
    for (const r of rows) {
      found.set(r.id, {
        name: r.name,
        ownerId: r.owner_id,
        industry: r.industry,
        segment: r.segment,
        country: r.country,
        fields: r.fields as Record<string, string>,
      });
    }
  }
  return found;
}

export async function findActivities(conn: Db, ids: readonly string[]): Promise<Map<string, ActivityRecord>> {
  const found = new Map<string, ActivityRecord>();
  for (const part of chunk(ids, idsPerQuery)) {
    const rows = await conn.db.selectFrom('activities').selectAll().where('id', 'in', part).execute();
    for (const r of rows) {
      found.set(r.id, {
        type: r.type as ActivityType,
        subject: r.subject,
        occurredAt: r.occurred_at.toISOString(),
        opportunityId: r.opportunity_id,
        accountId: r.account_id,
        ownerId: r.owner_id,
        fields: r.fields as Record<string, string>,
      });
    }
  }
  return found;
}

const namedTables = {
  user: 'users',
  account: 'accounts',
  team: 'teams',
  opportunity: 'opportunities',
} as const;

/** Ids and names of every user, account, team or opportunity, for lookups by name. */
export async function listEntityNames(
  conn: Db,
  entity: keyof typeof namedTables,
): Promise<{ id: string; name: string }[]> {
  return conn.db.selectFrom(namedTables[entity]).select(['id', 'name']).orderBy('id').execute();
}

/** Every event of these opportunities, in business order, by opportunity. */
export async function listOpportunityEvents(
  conn: Db,
  ids: readonly string[],
): Promise<Map<string, LedgerEvent[]>> {
  const found = new Map<string, LedgerEvent[]>();
  for (const part of chunk(ids, idsPerQuery)) {
    const rows = await conn.db
      .selectFrom('events')
      .selectAll()
      .where('entity_type', '=', 'opportunity')
      .where('entity_id', 'in', part)
      .orderBy('entity_id')
      .orderBy('business_time')
      .orderBy('seq')
      .execute();
    for (const row of rows) {
      let list = found.get(row.entity_id);
      if (!list) found.set(row.entity_id, (list = []));
      list.push(rowToLedgerEvent(row));
    }
  }
  return found;
}
