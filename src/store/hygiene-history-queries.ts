import { sql } from 'kysely';
import type { LedgerEvent } from '../core/ledger-event.js';
import type { StageStaySummary } from '../core/hygiene/compute-stage-norms.js';
import type { Connection } from '../db/connection.js';
import { rowToLedgerEvent } from './event-rows.js';
import { corporateAmountSql } from './money-sql.js';

type Db = Pick<Connection, 'db'>;

/**
 * Deals with a change entered in Candor after T but dated at or before it: their versions up to T
 * include something nobody knew at T, so the service replays what was known instead. Served by
 * the index on events entered in Candor (migration 0010); imported history never qualifies.
 */
export async function listLateKnownIds(
  conn: Db,
  options: { asOf: Date; entityType: 'opportunity' | 'activity' },
): Promise<string[]> {
  const result = await sql<{ entity_id: string }>`
    select distinct entity_id from events
    where source <> 'import' and entity_type = ${options.entityType}
      and recorded_time > ${options.asOf} and business_time <= ${options.asOf}`.execute(conn.db);
  return result.rows.map((r) => r.entity_id);
}

/**
 * Opportunity events entered in Candor, recorded in (from, to], whose business time is more than
 * `backdatedAfterHours` before their recorded time (see core/backdating.ts).
 */
export async function listBackdatedEvents(
  conn: Db,
  options: { from: Date; to: Date; backdatedAfterHours: number },
): Promise<LedgerEvent[]> {
  const result = await sql<Parameters<typeof rowToLedgerEvent>[0]>`
    select * from events
    where source <> 'import' and entity_type = 'opportunity'
      and recorded_time > ${options.from} and recorded_time <= ${options.to}
      and recorded_time - business_time > make_interval(secs => ${options.backdatedAfterHours * 3600})
    order by seq`.execute(conn.db);
  return result.rows.map(rowToLedgerEvent);
}

/**
 * Completed stays in each stage up to T, summarised: count, the `percentile`-th percentile and the
 * median of their lengths in days (PostgreSQL `percentile_cont`: linear interpolation between
 * ranks). A stay starts at a version whose valid_from equals its stage_entered_at (a stage change
 * or the creation) and ends where the deal's next stay starts; the projection
 * `hygiene_stage_stays` (migration 0014) holds every stay that ended, so the stays ended by T are
 * those with `left_at <= T`. Stays still running at T are not counted, nor are the deals in
 * `excludeIds` (changed later with an earlier date: their versions hold what was not known at T).
 * Over every deal of the organisation: the norm is the organisation's, whoever asks.
 */
export async function summarizeStageStays(
  conn: Db,
  options: { asOf: Date; percentile: number; excludeIds: readonly string[] },
): Promise<StageStaySummary[]> {
  const result = await sql<{ stage: string; samples: string; p: number | null; median: number | null }>`
    select stage, count(*) as samples,
           percentile_cont(${options.percentile}::float8) within group (order by days) as p,
           percentile_cont(0.5) within group (order by days) as median
    from (select stage, extract(epoch from (left_at - entered_at)) / 86400.0 as days
          from hygiene_stage_stays
          where left_at <= ${options.asOf} and id <> all(${[...options.excludeIds]}::text[])) stays
    group by stage`.execute(conn.db);
  return result.rows.map((r) => ({
    stage: r.stage,
    samples: Number(r.samples),
    percentileDays: r.p === null ? null : Number(r.p),
    medianDays: r.median === null ? null : Number(r.median),
  }));
}

/** Every event of these entity types (configuration: stages, hygiene rules), in ledger order. */
export async function listEventsOfTypes(conn: Db, entityTypes: readonly string[]): Promise<LedgerEvent[]> {
  const rows = await conn.db
    .selectFrom('events')
    .selectAll()
    .where('entity_type', 'in', [...entityTypes])
    .orderBy('seq')
    .execute();
  return rows.map(rowToLedgerEvent);
}

/** Every event of these opportunities, in ledger order. */
export async function listOpportunityEvents(conn: Db, ids: readonly string[]): Promise<LedgerEvent[]> {
  if (ids.length === 0) return [];
  const rows = await conn.db
    .selectFrom('events')
    .selectAll()
    .where('entity_type', '=', 'opportunity')
    .where('entity_id', 'in', [...ids])
    .orderBy('seq')
    .execute();
  return rows.map(rowToLedgerEvent);
}

/** The latest activity on each of these deals up to T, leaving out activities not known at T. */
export async function findLastActivities(
  conn: Db,
  options: { ids: readonly string[]; asOf: Date; excludeActivityIds: readonly string[] },
): Promise<Map<string, Date>> {
  if (options.ids.length === 0) return new Map();
  const result = await sql<{ opportunity_id: string; last: Date }>`
    select opportunity_id, max(occurred_at) as last from activities
    where opportunity_id = any(${[...options.ids]}::text[]) and occurred_at <= ${options.asOf}
      and id <> all(${[...options.excludeActivityIds]}::text[])
    group by opportunity_id`.execute(conn.db);
  return new Map(result.rows.map((r) => [r.opportunity_id, r.last]));
}

/** Amounts in the corporate currency, as the pipeline converts them (rate on the close date). */
export async function convertToCorporate(
  conn: Db,
  options: {
    corporateCurrency: string;
    amounts: { currency: string; amountMinor: bigint; closeDate: string | null }[];
  },
): Promise<(bigint | null)[]> {
  const converted: (bigint | null)[] = [];
  for (const amount of options.amounts) {
    const result = await sql<{ amount: string | null }>`
      select (${corporateAmountSql('o', options.corporateCurrency)})::text as amount
      from (select ${amount.currency}::text as currency, ${amount.amountMinor.toString()}::bigint as amount_minor,
                   ${amount.closeDate}::date as close_date) o`.execute(conn.db);
    const value = result.rows[0]?.amount ?? null;
    converted.push(value === null ? null : BigInt(value));
  }
  return converted;
}

/** The latest activities logged against one deal up to T, newest first. */
export async function listDealActivities(
  conn: Db,
  options: { id: string; asOf: Date; limit: number },
): Promise<{ type: string; subject: string; occurredAt: Date }[]> {
  const rows = await conn.db
    .selectFrom('activities')
    .select(['type', 'subject', 'occurred_at'])
    .where('opportunity_id', '=', options.id)
    .where('occurred_at', '<=', options.asOf)
    .orderBy('occurred_at', 'desc')
    .limit(options.limit)
    .execute();
  return rows.map((r) => ({ type: r.type, subject: r.subject, occurredAt: r.occurred_at }));
}
