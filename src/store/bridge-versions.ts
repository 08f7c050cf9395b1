import { sql } from 'kysely';
import type { BridgeDealVersion } from '../core/bridge/bridge-types.js';
import type { ForecastCategory } from '../core/forecast-category.js';
import type { Connection } from '../db/connection.js';

export type BridgeVersionQuery = {
  /** Close days of the period, `[closeFrom, closeTo)`. */
  closeFrom: string;
  closeTo: string;
  from: Date;
  to: Date;
  /** Only deals that some owner of this list held while closing in the period; null for all. */
  ownerIds: readonly string[] | null;
};

/**
 * Every version valid at some moment of `[from, to]` of the deals that closed in the period at some
 * moment of it (in the owners' hands, when given). Two index range reads: the candidates by close
 * date (`opportunity_versions_asof`), then each one's versions by primary key (id, valid_from). Versions
 * of a candidate outside the owners are returned too: the bridge needs them to see a deal leave or
 * enter the caller's view, and names the deal only by a version in view.
 */
export async function listBridgeVersions(
  conn: Pick<Connection, 'db'>,
  query: BridgeVersionQuery,
): Promise<BridgeDealVersion[]> {
  const owners = query.ownerIds === null ? sql`true` : sql`owner_id = any(${[...query.ownerIds]}::text[])`;
  const result = await sql<{
    id: string;
    name: string;
    valid_from: Date;
    valid_to: Date | null;
    owner_id: string | null;
    account_id: string | null;
    amount_minor: string | null;
    currency: string;
    stage: string;
    forecast_category: string;
    is_closed: boolean;
    is_won: boolean;
    close_date: string | null;
    push_count: number;
  }>`
    with candidates as (
      select distinct id from opportunity_versions
      where close_date >= ${query.closeFrom} and close_date < ${query.closeTo}
        and valid_from <= ${query.to} and valid_to > ${query.from} and ${owners}
    )
    -- Each candidate's versions by the primary key (id, valid_from); \`offset 0\` keeps the planner
    -- from flattening this into a hash join over every version of every deal.
    select v.id, v.name, v.valid_from,
           case when v.valid_to = 'infinity' then null else v.valid_to end as valid_to,
           v.owner_id, v.account_id, v.amount_minor, v.currency, v.stage, v.forecast_category,
           v.is_closed, v.is_won, v.close_date, v.push_count
    from candidates c
    cross join lateral (
      select * from opportunity_versions o
      where o.id = c.id and o.valid_from <= ${query.to} and o.valid_to > ${query.from}
      offset 0
    ) v`.execute(conn.db);
  return result.rows.map((r) => ({
    dealId: r.id,
    name: r.name,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    ownerId: r.owner_id,
    accountId: r.account_id,
    amountMinor: r.amount_minor === null ? null : BigInt(r.amount_minor),
    currency: r.currency,
    stage: r.stage,
    forecastCategory: r.forecast_category as ForecastCategory,
    isClosed: r.is_closed,
    isWon: r.is_won,
    closeDate: r.close_date,
    pushCount: r.push_count,
  }));
}
