import { sql, type Kysely } from 'kysely';

/**
 * Hygiene judged the present from every version of every deal: a window over 2,000,000 versions
 * and a percentile over every stay, seconds on 100,000 deals. These projections hold what that
 * history says, per deal, kept current with the deal's other projections on every append:
 * - `hygiene_deal_facts`: the first stage and first sighting, the close-date pushes
 *   (`from>to>at,…`), when each current value was set, and the business time of the latest version
 *   (`last_change_at`): the row holds for any moment from then on, so evaluation at T reads it for
 *   deals with `last_change_at <= T` and falls back to the versions for the others;
 * - `hygiene_stage_stays`: each completed stay in a stage (the norm counts stays that ended by T).
 * Existing deals are filled from their versions by the same definitions as the projection
 * (core/hygiene/compute-deal-history.ts); `candor verify` compares the two.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migrations take an untyped Kysely
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table hygiene_deal_facts (
    id text primary key,
    first_seen timestamptz not null,
    first_stage text not null,
    last_change_at timestamptz not null,
    pushes text,
    amount_since timestamptz not null,
    close_since timestamptz not null,
    category_since timestamptz not null,
    next_since timestamptz not null,
    fields_since timestamptz not null)`.execute(db);
  await sql`create index hygiene_deal_facts_last_change on hygiene_deal_facts (last_change_at)`.execute(db);
  await sql`create table hygiene_stage_stays (
    id text not null,
    stage text not null,
    entered_at timestamptz not null,
    left_at timestamptz not null,
    primary key (id, entered_at))`.execute(db);
  await fillDealHistory(db);
}

/** Fills both tables from opportunity_versions (exported for the test that holds it equal to a replay). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migrations take an untyped Kysely
export async function fillDealHistory(db: Kysely<any>): Promise<void> {
  await sql`
    insert into hygiene_deal_facts (id, first_seen, first_stage, last_change_at, pushes, amount_since,
                                    close_since, category_since, next_since, fields_since)
    select id, min(valid_from), max(stage) filter (where n = 1), max(valid_from),
           string_agg(prev_close::text || '>' || close_date::text || '>' ||
                        to_char(valid_from at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                      ',' order by valid_from)
             filter (where push_count > prev_push and prev_close is not null and close_date is not null),
           max(valid_from) filter (where n = 1 or amount_changed),
           max(valid_from) filter (where n = 1 or close_changed),
           max(valid_from) filter (where n = 1 or category_changed),
           max(valid_from) filter (where n = 1 or next_changed),
           max(valid_from) filter (where n = 1 or fields_changed)
    from (
      select id, valid_from, stage, push_count, close_date,
             row_number() over w as n,
             lag(push_count) over w as prev_push,
             lag(close_date) over w as prev_close,
             (amount_minor is distinct from lag(amount_minor) over w) as amount_changed,
             (close_date is distinct from lag(close_date) over w) as close_changed,
             (forecast_category is distinct from lag(forecast_category) over w) as category_changed,
             (next_step is distinct from lag(next_step) over w) as next_changed,
             (fields is distinct from lag(fields) over w) as fields_changed
      from opportunity_versions
      window w as (partition by id order by valid_from)
    ) h
    group by id`.execute(db);
  await sql`
    insert into hygiene_stage_stays (id, stage, entered_at, left_at)
    select id, stage, valid_from, left_at
    from (
      select id, stage, valid_from, lead(valid_from) over (partition by id order by valid_from) as left_at
      from opportunity_versions
      where valid_from = stage_entered_at
    ) s
    where left_at is not null`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migrations take an untyped Kysely
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table hygiene_stage_stays`.execute(db);
  await sql`drop table hygiene_deal_facts`.execute(db);
}
