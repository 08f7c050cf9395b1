import { sql } from 'kysely';
import type { AccessScope } from '../core/access-scope.js';
import type { Connection } from '../db/connection.js';
import { scopeSql } from './deal-source.js';

export type ActivityRow = {
  id: string;
  type: string;
  subject: string;
  occurredAt: Date;
  opportunityId: string | null;
  opportunityName: string | null;
  accountId: string | null;
  accountName: string | null;
  ownerId: string | null;
  ownerName: string | null;
};

/**
 * The activities with these ids that the scope may see (those owned by someone in it), newest
 * first, with the names of their deal, account and owner. Ids the scope may not see, or that do
 * not exist, are simply absent: the answer does not tell them apart.
 */
export async function listActivitiesByIds(
  conn: Pick<Connection, 'db'>,
  query: { ids: readonly string[]; scope: AccessScope },
): Promise<ActivityRow[]> {
  if (query.ids.length === 0) return [];
  const result = await sql<{
    id: string;
    type: string;
    subject: string;
    occurred_at: Date;
    opportunity_id: string | null;
    opportunity_name: string | null;
    account_id: string | null;
    account_name: string | null;
    owner_id: string | null;
    owner_name: string | null;
  }>`
    select a.id, a.type, a.subject, a.occurred_at, a.opportunity_id, o.name as opportunity_name,
           a.account_id, acc.name as account_name, a.owner_id, u.name as owner_name
    from activities a
    left join opportunities o on o.id = a.opportunity_id
    left join accounts acc on acc.id = a.account_id
    left join users u on u.id = a.owner_id
    where a.id = any(${[...query.ids]}::text[]) and ${scopeSql('a', query.scope)}
    order by a.occurred_at desc, a.id`.execute(conn.db);
  return result.rows.map((r) => ({
    id: r.id,
    type: r.type,
    subject: r.subject,
    occurredAt: r.occurred_at,
    opportunityId: r.opportunity_id,
    opportunityName: r.opportunity_name,
    accountId: r.account_id,
    accountName: r.account_name,
    ownerId: r.owner_id,
    ownerName: r.owner_name,
  }));
}
