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
  created_at: Date;
  stage_entered_at: Date;
  closed_recorded_at: Date | null;
  first_seen: Date;
  first_stage: string;
  pushes: string | null;
  existed_before: boolean;
  amount_before: string | null;
  amount_since: Date;
  close_since: Date;
  category_since: Date;
  next_since: Date;
  fields_since: Date;
  last_activity: Date | null;
};

/** The state columns the facts carry, from a deal source aliased `alias`, with the corporate amount. */
export function stateColumnsSql(alias: string, corporateCurrency: string): RawBuilder<unknown> {
  const o = sql.raw(alias);
  return sql`${o}.id, ${o}.name, ${o}.owner_id, ${o}.account_id, ${o}.stage, ${o}.forecast_category,
    ${o}.is_closed, ${o}.is_won, ${o}.close_date, ${o}.amount_minor, ${o}.currency,
    ${corporateAmountSql(alias, corporateCurrency)} as corporate_amount, ${o}.next_step, ${o}.competitor,
    ${o}.type, ${o}.lead_source, ${o}.loss_reason, ${o}.fields, ${o}.created_at, ${o}.stage_entered_at,
    ${o}.closed_recorded_at, ${o}.push_count`;
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
