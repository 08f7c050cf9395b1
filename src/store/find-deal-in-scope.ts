import { sql, type Selectable } from 'kysely';
import type { AccessScope } from '../core/access-scope.js';
import type { OpportunityState } from '../core/opportunity.js';
import type { Connection } from '../db/connection.js';
import type { OpportunityColumns } from '../db/database.js';
import { dealSourceSql, scopeSql } from './deal-source.js';
import { corporateAmountSql } from './money-sql.js';
import { rowToOpportunity } from './opportunity-queries.js';

export type DealInScope = {
  state: OpportunityState;
  accountName: string | null;
  ownerName: string | null;
  /** The amount in the corporate currency; null without an amount or a rate. */
  corporateAmountMinor: bigint | null;
};

/**
 * The current state of one deal (or, with `asOf`, its version valid at that instant), with its
 * account and owner names, or null when there is no such deal or the caller's scope does not reach
 * it: both answer the same, so a caller cannot learn that a deal outside their scope exists. As of
 * an instant, the scope applies to the owner the deal had then, as in the as-of deal list.
 */
export async function findDealInScope(
  conn: Pick<Connection, 'db'>,
  query: { id: string; scope: AccessScope; corporateCurrency: string; asOf?: Date | null },
): Promise<DealInScope | null> {
  const result = await sql<
    Selectable<OpportunityColumns> & {
      account_name: string | null;
      owner_name: string | null;
      amount: string | null;
    }
  >`
    select o.*, acc.name as account_name, u.name as owner_name,
           ${corporateAmountSql('o', query.corporateCurrency)} as amount
    from ${dealSourceSql(query.asOf ?? null)} o
    left join accounts acc on acc.id = o.account_id
    left join users u on u.id = o.owner_id
    where o.id = ${query.id} and ${scopeSql('o', query.scope)}`.execute(conn.db);
  const row = result.rows[0];
  if (!row) return null;
  const { account_name, owner_name, amount, ...columns } = row;
  return {
    state: rowToOpportunity(columns),
    accountName: account_name,
    ownerName: owner_name,
    corporateAmountMinor: amount === null ? null : BigInt(amount),
  };
}
