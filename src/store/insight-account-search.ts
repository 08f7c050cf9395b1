import { sql } from 'kysely';
import type { AccessScope } from '../core/access-scope.js';
import type { Connection } from '../db/connection.js';
import { accountVisibleSql } from './insight-queries.js';

type Db = Pick<Connection, 'db'>;

export type AccountMatch = { id: string; name: string; segment: string | null; industry: string | null };

/**
 * Accounts the caller may see whose name contains `search` (ignoring case; `%` and `_` are plain
 * characters), names that begin with it first, then by name; at most `limit`.
 */
export async function searchVisibleAccounts(
  conn: Db,
  query: { scope: AccessScope; search: string; limit: number },
): Promise<AccountMatch[]> {
  const escaped = query.search.replace(/[\\%_]/g, (c) => `\\${c}`);
  const result = await sql<AccountMatch>`
    select a.id, a.name, a.segment, a.industry from accounts a
    where a.name ilike ${`%${escaped}%`} and ${accountVisibleSql('a', query.scope)}
    order by (a.name ilike ${`${escaped}%`}) desc, a.name, a.id
    limit ${query.limit}`.execute(conn.db);
  return result.rows.map((r) => ({ id: r.id, name: r.name, segment: r.segment, industry: r.industry }));
}
