import { sql } from 'kysely';
import type { Connection } from '../db/connection.js';
import type { ForecastCategory } from '../core/forecast-category.js';
import type { ActivityType } from '../core/org-entities.js';
import type {
  ScorecardActivity,
  ScorecardDeal,
  ScorecardFacts,
  StageChange,
} from '../core/scorecards/scorecard-facts.js';
import { corporateAmountSql } from './money-sql.js';
import { listStages } from './org-queries.js';

type Db = Pick<Connection, 'db'>;

export type ScorecardFactsQuery = {
  /** The people whose deals and activities count. */
  ownerIds: readonly string[];
  /** Activities, new deals and stage moves from this instant on. */
  from: Date;
  /** Deals closing from this day on (and every open deal). */
  closeFrom: string;
  corporateCurrency: string;
};

/**
 * What scorecards are computed from, for a set of people, from an instant on: their deals that are
 * open, close from `closeFrom`, or were created or changed since `from` (current state, corporate
 * amounts); the moves of those deals between stages since `from` (from the deal versions); their
 * activities since `from`; and the stages.
 */
export async function readScorecardFacts(conn: Db, query: ScorecardFactsQuery): Promise<ScorecardFacts> {
  if (query.ownerIds.length === 0)
    return { deals: [], stageChanges: [], activities: [], stages: await readStages(conn) };
  const owners = [...query.ownerIds];
  const dealRows = await sql<{
    id: string;
    owner_id: string | null;
    created_at: Date;
    close_date: string | null;
    is_closed: boolean;
    is_won: boolean;
    forecast_category: string;
    amount: string | null;
  }>`
    select o.id, o.owner_id, o.created_at, o.close_date, o.is_closed, o.is_won, o.forecast_category, a.amount
    from opportunities o
    cross join lateral (select ${corporateAmountSql('o', query.corporateCurrency)} as amount) a
    where o.owner_id = any(${owners})
      and (not o.is_closed or o.close_date >= ${query.closeFrom} or o.created_at >= ${query.from}
           or o.updated_at >= ${query.from})`.execute(conn.db);
  const deals: ScorecardDeal[] = dealRows.rows.map((r) => ({
    id: r.id,
    ownerId: r.owner_id,
    createdAt: r.created_at,
    closeDate: r.close_date,
    isClosed: r.is_closed,
    isWon: r.is_won,
    forecastCategory: r.forecast_category as ForecastCategory,
    corporateMinor: r.amount === null ? null : BigInt(r.amount),
  }));
  const changeRows = await sql<{ id: string; at: Date; from_stage: string | null; to_stage: string }>`
    select id, at, from_stage, to_stage from (
      select v.id, v.valid_from as at, v.stage as to_stage,
             lag(v.stage) over (partition by v.id order by v.valid_from) as from_stage,
             row_number() over (partition by v.id order by v.valid_from) as position
      from opportunity_versions v
      where v.id = any(${deals.map((d) => d.id)})
    ) moves
    where (position = 1 or from_stage is distinct from to_stage) and at >= ${query.from}
    order by at, id`.execute(conn.db);
  const stageChanges: StageChange[] = changeRows.rows.map((r) => ({
    dealId: r.id,
    at: r.at,
    fromStage: r.from_stage,
    toStage: r.to_stage,
  }));
  const activityRows = await conn.db
    .selectFrom('activities')
    .select(['id', 'owner_id', 'type', 'occurred_at'])
    .where('owner_id', 'in', owners)
    .where('occurred_at', '>=', query.from)
    .execute();
  const activities: ScorecardActivity[] = activityRows.map((r) => ({
    id: r.id,
    ownerId: r.owner_id,
    type: r.type as ActivityType,
    occurredAt: r.occurred_at,
  }));
  return { deals, stageChanges, activities, stages: await readStages(conn) };
}

async function readStages(conn: Db) {
  return (await listStages(conn)).map((s) => ({
    name: s.name,
    order: s.order,
    isClosed: s.isClosed,
    isWon: s.isWon,
  }));
}

export type OwnerPipelineAsOf = { ownerId: string; openMinor: bigint; wonMinor: bigint };

/**
 * Each person's deals closing in `[closeFrom, closeTo)` as they stood at `asOf`: the open pipeline
 * (not Omitted) and what was already won, in the corporate currency.
 */
export async function summarizeOwnersAsOf(
  conn: Db,
  query: {
    ownerIds: readonly string[];
    asOf: Date;
    closeFrom: string;
    closeTo: string;
    corporateCurrency: string;
  },
): Promise<OwnerPipelineAsOf[]> {
  if (query.ownerIds.length === 0) return [];
  const rows = await sql<{ owner_id: string; open: string | null; won: string | null }>`
    select o.owner_id,
           sum(a.amount) filter (where not o.is_closed and o.forecast_category <> 'Omitted') as open,
           sum(a.amount) filter (where o.is_won) as won
    from opportunity_versions o
    cross join lateral (select ${corporateAmountSql('o', query.corporateCurrency)} as amount) a
    where o.valid_from <= ${query.asOf} and o.valid_to > ${query.asOf}
      and o.owner_id = any(${[...query.ownerIds]})
      and o.close_date >= ${query.closeFrom} and o.close_date < ${query.closeTo}
    group by o.owner_id`.execute(conn.db);
  return rows.rows.map((r) => ({
    ownerId: r.owner_id,
    openMinor: BigInt(r.open ?? '0'),
    wonMinor: BigInt(r.won ?? '0'),
  }));
}
