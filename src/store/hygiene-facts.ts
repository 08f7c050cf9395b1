import { sql } from 'kysely';
import type { AccessScope } from '../core/access-scope.js';
import type { ForecastCategory } from '../core/forecast-category.js';
import type { ClosePush, DealFacts } from '../core/hygiene/deal-facts.js';
import type { Connection } from '../db/connection.js';
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

type FactsRow = {
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

/**
 * The facts the hygiene rules read, for every deal open at T (and the closed ones the
 * backdated-change rule looks at), in one statement over the opportunity versions known at T: the
 * state valid at T, and from the versions up to T, per deal, the first stage, the close-date
 * pushes, the amount at the start of the swing window, and when each current value was set, plus
 * the latest activity. It reproduces core/hygiene/compute-deal-facts.ts (a test holds them equal).
 * Backdated changes are left empty: the caller adds them (listBackdatedEvents).
 */
export async function listHygieneFacts(
  conn: Pick<Connection, 'db'>,
  query: HygieneFactsQuery,
): Promise<DealFacts[]> {
  const { asOf } = query;
  const result = await sql<FactsRow>`
    with s as (
      select o.*, ${corporateAmountSql('o', query.corporateCurrency)} as corporate_amount
      from opportunity_versions o
      where o.valid_from <= ${asOf} and o.valid_to > ${asOf}
        and ${scopeSql('o', query.scope)}
        and (not o.is_closed or o.closed_recorded_at > ${query.closedSince}
             or o.id = any(${[...query.alsoClosedIds]}::text[]))
        and o.id <> all(${[...query.excludeIds]}::text[])
        and ${query.onlyIds === undefined ? sql`true` : sql`o.id = any(${[...query.onlyIds]}::text[])`}
    ),
    h as (
      select v.id, v.valid_from, v.stage, v.push_count, v.close_date, v.amount_minor,
             s.push_count as pushes_now,
             row_number() over w as n,
             lag(v.push_count) over w as prev_push,
             lag(v.close_date) over w as prev_close,
             (v.amount_minor is distinct from lag(v.amount_minor) over w) as amount_changed,
             (v.close_date is distinct from lag(v.close_date) over w) as close_changed,
             (v.forecast_category is distinct from lag(v.forecast_category) over w) as category_changed,
             (v.next_step is distinct from lag(v.next_step) over w) as next_changed,
             (v.fields is distinct from lag(v.fields) over w) as fields_changed,
             (v.valid_from <= ${query.amountWindowStart}
               and coalesce(lead(v.valid_from) over w > ${query.amountWindowStart}, true)) as at_window_start
      from opportunity_versions v
      join s on s.id = v.id
      where v.valid_from <= ${asOf}
      window w as (partition by v.id order by v.valid_from)
    ),
    agg as (
      select id,
             min(valid_from) as first_seen,
             max(stage) filter (where n = 1) as first_stage,
             string_agg(
               prev_close::text || '>' || close_date::text || '>' ||
                 to_char(valid_from at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
               ',' order by valid_from)
               filter (where pushes_now >= ${query.minPushesListed} and push_count > prev_push
                       and prev_close is not null and close_date is not null) as pushes,
             bool_or(at_window_start) as existed_before,
             max(amount_minor) filter (where at_window_start) as amount_before,
             max(valid_from) filter (where n = 1 or amount_changed) as amount_since,
             max(valid_from) filter (where n = 1 or close_changed) as close_since,
             max(valid_from) filter (where n = 1 or category_changed) as category_since,
             max(valid_from) filter (where n = 1 or next_changed) as next_since,
             max(valid_from) filter (where n = 1 or fields_changed) as fields_since
      from h group by id
    )
    select s.id, s.name, s.owner_id, s.account_id, s.stage, s.forecast_category, s.is_closed, s.is_won,
           s.close_date, s.amount_minor, s.currency, s.corporate_amount, s.next_step, s.competitor, s.type,
           s.lead_source, s.loss_reason, s.fields, s.created_at, s.stage_entered_at, s.closed_recorded_at,
           agg.first_seen, agg.first_stage, agg.pushes, agg.existed_before, agg.amount_before,
           agg.amount_since, agg.close_since, agg.category_since, agg.next_since, agg.fields_since,
           (select max(a.occurred_at) from activities a
             where a.opportunity_id = s.id and a.occurred_at <= ${asOf}
               and a.id <> all(${[...query.excludeActivityIds]}::text[])) as last_activity
    from s join agg on agg.id = s.id
    order by s.id`.execute(conn.db);
  return result.rows.map(rowToFacts);
}

function rowToFacts(row: FactsRow): DealFacts {
  return {
    id: row.id,
    name: row.name,
    ownerId: row.owner_id,
    accountId: row.account_id,
    stage: row.stage,
    forecastCategory: row.forecast_category as ForecastCategory,
    isClosed: row.is_closed,
    isWon: row.is_won,
    closeDate: row.close_date,
    amountMinor: row.amount_minor === null ? null : BigInt(row.amount_minor),
    currency: row.currency,
    corporateAmountMinor: row.corporate_amount === null ? null : BigInt(row.corporate_amount),
    nextStep: row.next_step,
    competitor: row.competitor,
    type: row.type,
    leadSource: row.lead_source,
    lossReason: row.loss_reason,
    fields: row.fields,
    createdAt: row.created_at,
    stageEnteredAt: row.stage_entered_at,
    closedRecordedAt: row.closed_recorded_at,
    firstSeenAt: row.first_seen,
    firstStage: row.first_stage,
    pushes: parsePushes(row.pushes),
    amountBefore: row.existed_before
      ? row.amount_before === null
        ? null
        : BigInt(row.amount_before)
      : undefined,
    since: {
      amount: row.amount_since,
      closeDate: row.close_since,
      category: row.category_since,
      nextStep: row.next_since,
      fields: row.fields_since,
    },
    lastActivityAt: row.last_activity,
    backdated: [],
  };
}

function parsePushes(text: string | null): ClosePush[] {
  if (text === null) return [];
  return text.split(',').map((part) => {
    const [from = '', to = '', at = ''] = part.split('>');
    return { from, to, at: new Date(at) };
  });
}
