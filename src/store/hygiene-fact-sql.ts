import { sql, type RawBuilder } from 'kysely';
import type { AccessScope } from '../core/access-scope.js';
import { scopeSql } from './deal-source.js';
import { corporateAmountSql } from './money-sql.js';

export type HygieneFactsQuery = {
  asOf: Date;
  /** Start of the amount-swing window. */
  amountWindowStart: Date;
  /** Closed deals count too when their close was recorded after this (backdated-change rule). */
  closedSince: Date;
  /** Closed deals count too when they are among these (they have backdated changes to show). */
  alsoClosedIds: readonly string[];
  /** Deals whose versions do not tell what was known at T (see listLateKnownIds): left out here. */
  excludeIds: readonly string[];
  /** Activities logged after T about times before it: not known at T. */
  excludeActivityIds: readonly string[];
  /** Pushes are listed only for deals pushed at least this often (the evidence of a flag). */
  minPushesListed: number;
  scope: AccessScope;
  corporateCurrency: string;
  /** Only these deals (a deal page); all deals when absent. */
  onlyIds?: readonly string[] | undefined;
};

/** One deal's facts as the statements return them; instants are epoch milliseconds (see epochMsSql). */
export type FactsRow = {
  id: string;
  name: string;
  owner_id: string | null;
  account_id: string | null;
  stage: string;
  forecast_category: string;
  is_closed: boolean;
  is_won: boolean;
  close_date: string | null;
  amount_minor: string | null;
  currency: string;
  corporate_amount: string | null;
  next_step: string | null;
  competitor: string | null;
  type: string | null;
  lead_source: string | null;
  loss_reason: string | null;
  fields: Record<string, string>;
  created_at: string;
  stage_entered_at: string;
  closed_recorded_at: string | null;
  first_seen: string;
  first_stage: string;
  pushes: string | null;
  existed_before: boolean;
  amount_before: string | null;
  amount_since: string;
  close_since: string;
  category_since: string;
  next_since: string;
  fields_since: string;
  last_activity: string | null;
};

/** The state columns the facts carry, from a deal source aliased `alias`, with the corporate amount. */
export function stateColumnsSql(alias: string, corporateCurrency: string): RawBuilder<unknown> {
  const o = sql.raw(alias);
  return sql`${o}.id, ${o}.name, ${o}.owner_id, ${o}.account_id, ${o}.stage, ${o}.forecast_category,
    ${o}.is_closed, ${o}.is_won, ${o}.close_date, ${o}.amount_minor, ${o}.currency,
    ${corporateAmountSql(alias, corporateCurrency)} as corporate_amount, ${o}.next_step, ${o}.competitor,
    ${o}.type, ${o}.lead_source, ${o}.loss_reason, ${o}.fields, ${epochMsSql(sql`${o}.created_at`)} as created_at,
    ${epochMsSql(sql`${o}.stage_entered_at`)} as stage_entered_at,
    ${epochMsSql(sql`${o}.closed_recorded_at`)} as closed_recorded_at, ${o}.push_count`;
}

/**
 * An instant as milliseconds since the epoch (int8, a decimal string to the driver), as the
 * driver's timestamp parser would give it. On 100,000 deals with ten instants each, parsing
 * timestamp texts cost more than the query; `new Date(Number(text))` is cheap.
 */
export function epochMsSql(instant: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`floor(extract(epoch from ${instant}) * 1000)::int8`;
}

/** Which deals of a source aliased `alias` are looked at: in scope, open or shown for a backdated change, not replayed. */
export function dealFilterSql(alias: string, query: HygieneFactsQuery): RawBuilder<unknown> {
  const o = sql.raw(alias);
  return sql`${scopeSql(alias, query.scope)}
    and (not ${o}.is_closed or ${o}.closed_recorded_at > ${query.closedSince}
         or ${o}.id = any(${[...query.alsoClosedIds]}::text[]))
    and ${o}.id <> all(${[...query.excludeIds]}::text[])
    and ${query.onlyIds === undefined ? sql`true` : sql`${o}.id = any(${[...query.onlyIds]}::text[])`}`;
}

/** The latest activity known at T on the deal aliased `alias`, as a scalar subquery (one index look-up). */
export function lastActivitySql(alias: string, query: HygieneFactsQuery): RawBuilder<unknown> {
  return sql`select max(a.occurred_at) from activities a
    where a.opportunity_id = ${sql.raw(alias)}.id and a.occurred_at <= ${query.asOf}
      and a.id <> all(${[...query.excludeActivityIds]}::text[])`;
}
