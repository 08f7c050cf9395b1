import { sql } from 'kysely';
import type { AccessScope } from '../core/access-scope.js';
import type { ForecastCategory } from '../core/forecast-category.js';
import type { PeriodDeal } from '../core/forecast/compute-forecast.js';
import type { DealTimeline, DealVersion } from '../core/forecast/deal-timeline.js';
import type { Connection } from '../db/connection.js';
import { scopeSql } from './deal-source.js';
import { corporateAmountSql } from './money-sql.js';

type VersionRow = {
  id: string;
  owner_id: string | null;
  stage: string;
  probability: number | null;
  forecast_category: string;
  is_closed: boolean;
  is_won: boolean;
  close_date: string | null;
  amount: string | null;
  created_at: Date;
  stage_entered_at: Date;
  push_count: number;
  closed_recorded_at: Date | null;
  valid_from: Date;
  /** The driver reads `infinity` as the number Infinity. */
  valid_to: Date | number;
};

const versionColumns = sql`v.id, v.owner_id, v.stage, v.probability, v.forecast_category, v.is_closed,
  v.is_won, v.close_date, v.created_at, v.stage_entered_at, v.push_count, v.closed_recorded_at,
  v.valid_from, v.valid_to`;

export type PeriodDealsQuery = {
  /** Close dates in [closeFrom, closeTo). */
  closeFrom: string;
  closeTo: string;
  asOf: Date;
  scope: AccessScope;
  /** When set, only deals of these owners (a team or one person), within the scope. */
  ownerIds: readonly string[] | null;
  corporateCurrency: string;
};

/**
 * The period's open and won deals as they stood at `asOf` (the versions valid then, by business
 * time), with the facts the forecast weighs: stage, age, pushes, time in stage, amount in the
 * corporate currency. One range scan of the as-of index on close date; lost deals are left out.
 */
export async function listPeriodDeals(
  conn: Pick<Connection, 'db'>,
  query: PeriodDealsQuery,
): Promise<PeriodDeal[]> {
  const owners = query.ownerIds === null ? sql`true` : sql`v.owner_id = any(${[...query.ownerIds]})`;
  const result = await sql<VersionRow>`
    select ${versionColumns}, ${corporateAmountSql('v', query.corporateCurrency)} as amount
    from opportunity_versions v
    where v.close_date >= ${query.closeFrom} and v.close_date < ${query.closeTo}
      and v.valid_from <= ${query.asOf} and v.valid_to > ${query.asOf}
      and (not v.is_closed or v.is_won)
      and ${scopeSql('v', query.scope)} and ${owners}`.execute(conn.db);
  return result.rows.map((row) => ({ id: row.id, ownerId: row.owner_id, state: rowToVersion(row) }));
}

export type DealHistoryQuery = {
  /** Deals that at some moment up to asOf had a close date in [closeFrom, closeTo). */
  closeFrom: string;
  closeTo: string;
  asOf: Date;
  corporateCurrency: string;
};

/**
 * Every version that began at or before `asOf` of every deal that, at some moment up to `asOf`, had
 * a close date in the window: the history the win model, the amount change and the run rate learn
 * from. Versions that began later are never read, so the history is exactly what was known then
 * (by business time: for imported history, the source system's own timestamps). The version open
 * at asOf is returned with an open end.
 */
export async function listDealTimelines(
  conn: Pick<Connection, 'db'>,
  query: DealHistoryQuery,
): Promise<DealTimeline[]> {
  const result = await sql<VersionRow>`
    with deals as (
      select distinct id from opportunity_versions
      where close_date >= ${query.closeFrom} and close_date < ${query.closeTo}
        and valid_from <= ${query.asOf}
    )
    select ${versionColumns}, ${corporateAmountSql('v', query.corporateCurrency)} as amount
    from opportunity_versions v join deals d on d.id = v.id
    where v.valid_from <= ${query.asOf}
    order by v.id, v.valid_from`.execute(conn.db);
  const timelines: { id: string; ownerId: string | null; versions: DealVersion[] }[] = [];
  for (const row of result.rows) {
    let current = timelines.at(-1);
    if (current?.id !== row.id) {
      current = { id: row.id, ownerId: row.owner_id, versions: [] };
      timelines.push(current);
    }
    current.ownerId = row.owner_id;
    current.versions.push(rowToVersion(row));
  }
  const asOfMs = query.asOf.getTime();
  for (const timeline of timelines) {
    const last = timeline.versions.at(-1);
    if (last && last.validToMs > asOfMs) last.validToMs = Infinity;
  }
  return timelines;
}

function rowToVersion(row: VersionRow): DealVersion {
  const validTo = typeof row.valid_to === 'number' ? row.valid_to : row.valid_to.getTime();
  return {
    validFromMs: row.valid_from.getTime(),
    validToMs: Number.isFinite(validTo) ? validTo : Infinity,
    stage: row.stage,
    probability01: row.probability,
    category: row.forecast_category as ForecastCategory,
    isClosed: row.is_closed,
    isWon: row.is_won,
    closeDate: row.close_date,
    amountMinor: row.amount === null ? null : Number(row.amount),
    createdAtMs: row.created_at.getTime(),
    stageEnteredAtMs: row.stage_entered_at.getTime(),
    pushCount: row.push_count,
    closedRecordedAtMs: row.closed_recorded_at === null ? null : row.closed_recorded_at.getTime(),
  };
}
