import { sql } from 'kysely';
import type { BridgeDealVersion } from '../core/bridge/bridge-types.js';
import type { ForecastCategory } from '../core/forecast-category.js';
import type { Connection } from '../db/connection.js';
import { closeDaySeriesSql } from './deal-source.js';

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
 * One version as the statement sends it: valid from and to in epoch milliseconds (to null when
 * still valid), name, owner, account, amount in minor units as text (a bigint does not fit a JSON
 * number), currency, stage, category, closed, won, close date, pushes.
 */
type PackedVersion = [
  number,
  number | null,
  string,
  string | null,
  string | null,
  string | null,
  string,
  string,
  string,
  boolean,
  boolean,
  string | null,
  number,
];

/**
 * Every version valid at some moment of `[from, to]` of the deals that closed in the period at some
 * moment of it (in the owners' hands, when given). Two index reads: the candidates by close date,
 * one day at a time (index-only on `opportunity_versions_valid_at`, see dealSourceSql), then each one's versions by primary key
 * (id, valid_from). Versions of a candidate outside the owners are returned too: the bridge needs
 * them to see a deal leave or enter the caller's view, and names the deal only by a version in view.
 *
 * Each deal's versions come back as one JSON array in one row: at 100,000 deals a quarter's bridge
 * reads about 83,000 versions, and decoding them as 83,000 rows of 14 text columns (timestamps
 * parsed one by one) cost more time than the statement; one JSON.parse per deal costs a fraction.
 */
export async function listBridgeVersions(
  conn: Pick<Connection, 'db'>,
  query: BridgeVersionQuery,
): Promise<BridgeDealVersion[]> {
  const owners = query.ownerIds === null ? sql`true` : sql`owner_id = any(${[...query.ownerIds]}::text[])`;
  const result = await sql<{ id: string; versions: PackedVersion[] }>`
    with candidates as (
      select distinct v.id from ${closeDaySeriesSql(query.closeFrom, query.closeTo)}
      cross join lateral (select id from opportunity_versions
        where close_date = d.day::date and valid_to > ${query.from} and valid_from <= ${query.to}
          and ${owners}) v
    )
    select c.id, v.versions
    from candidates c
    cross join lateral (
      select json_agg(json_build_array(
               (extract(epoch from o.valid_from) * 1000)::float8,
               case when o.valid_to = 'infinity' then null
                    else (extract(epoch from o.valid_to) * 1000)::float8 end,
               o.name, o.owner_id, o.account_id, o.amount_minor::text, o.currency, o.stage,
               o.forecast_category, o.is_closed, o.is_won, o.close_date, o.push_count)
               order by o.valid_from) as versions
      from opportunity_versions o
      where o.id = c.id and o.valid_from <= ${query.to} and o.valid_to > ${query.from}
    ) v`.execute(conn.db);
  const versions: BridgeDealVersion[] = [];
  for (const deal of result.rows) {
    for (const packed of deal.versions) versions.push(unpack(deal.id, packed));
  }
  return versions;
}

function unpack(dealId: string, packed: PackedVersion): BridgeDealVersion {
  const [
    from,
    to,
    name,
    ownerId,
    accountId,
    amount,
    currency,
    stage,
    category,
    closed,
    won,
    closeDate,
    pushes,
  ] = packed;
  return {
    dealId,
    name,
    validFrom: new Date(from),
    validTo: to === null ? null : new Date(to),
    ownerId,
    accountId,
    amountMinor: amount === null ? null : BigInt(amount),
    currency,
    stage,
    forecastCategory: category as ForecastCategory,
    isClosed: closed,
    isWon: won,
    closeDate,
    pushCount: pushes,
  };
}
