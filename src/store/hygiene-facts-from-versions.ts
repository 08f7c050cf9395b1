import { sql } from 'kysely';
import type { Connection } from '../db/connection.js';
import {
  dealFilterSql,
  epochMsSql,
  lastActivitySql,
  stateColumnsSql,
  type FactsRow,
  type HygieneFactsQuery,
} from './hygiene-fact-sql.js';

/**
 * The facts of the deals changed after T (their history-facts row holds later knowledge), from
 * their versions up to T in one statement: the version valid at T, and over the versions up to it,
 * per deal, the first stage, the pushes, the amount at the start of the swing window and when each
 * current value was set. For a recent T these are the few deals changed since; for a moment long
 * ago, most deals, at the cost of a window over all their versions.
 */
export async function listFactRowsFromVersions(
  conn: Pick<Connection, 'db'>,
  query: HygieneFactsQuery,
): Promise<FactsRow[]> {
  const { asOf } = query;
  // Listed first and passed as values: the plan then fits the few deals of a recent T (index
  // look-ups) or the many of an old one, whatever the statistics say (the embedded engine has no
  // autovacuum to gather them after an import).
  const changed = await sql<{ id: string }>`
    select id from hygiene_deal_facts where last_change_at > ${asOf}`.execute(conn.db);
  if (changed.rows.length === 0) return [];
  const ids = changed.rows.map((r) => r.id);
  const result = await sql<FactsRow>`
    with s as (
      select ${stateColumnsSql('o', query.corporateCurrency)}
      from opportunity_versions o
      where o.valid_from <= ${asOf} and o.valid_to > ${asOf}
        and o.id = any(${ids}::text[])
        and ${dealFilterSql('o', query)}
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
    select s.*, ${epochMsSql(sql`agg.first_seen`)} as first_seen, agg.first_stage, agg.pushes,
           agg.existed_before, agg.amount_before,
           ${epochMsSql(sql`agg.amount_since`)} as amount_since, ${epochMsSql(sql`agg.close_since`)} as close_since,
           ${epochMsSql(sql`agg.category_since`)} as category_since, ${epochMsSql(sql`agg.next_since`)} as next_since,
           ${epochMsSql(sql`agg.fields_since`)} as fields_since,
           ${epochMsSql(sql`(${lastActivitySql('s', query)})`)} as last_activity
    from s join agg on agg.id = s.id`.execute(conn.db);
  return result.rows;
}
