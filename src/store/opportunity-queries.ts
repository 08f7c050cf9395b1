import { sql, type Selectable } from 'kysely';
import type { AccessScope } from '../core/access-scope.js';
import type { ForecastCategory } from '../core/forecast-category.js';
import type { OpportunityState } from '../core/opportunity.js';
import type { Connection } from '../db/connection.js';
import type { OpportunityColumns } from '../db/database.js';
import { dealSourceSql, scopeSql } from './deal-source.js';

export function rowToOpportunity(row: Selectable<OpportunityColumns>): OpportunityState {
  return {
    id: row.id,
    name: row.name,
    accountId: row.account_id,
    ownerId: row.owner_id,
    amountMinor: row.amount_minor === null ? null : BigInt(row.amount_minor),
    currency: row.currency,
    stage: row.stage,
    probability01: row.probability,
    forecastCategory: row.forecast_category as ForecastCategory,
    forecastCategoryOverridden: row.category_overridden,
    isClosed: row.is_closed,
    isWon: row.is_won,
    closeDate: row.close_date,
    createdAt: row.created_at,
    nextStep: row.next_step,
    lossReason: row.loss_reason,
    competitor: row.competitor,
    type: row.type,
    leadSource: row.lead_source,
    fields: row.fields as Record<string, string>,
    stageEnteredAt: row.stage_entered_at,
    pushCount: row.push_count,
    closedRecordedAt: row.closed_recorded_at,
    updatedAt: row.updated_at,
    lastSeq: BigInt(row.last_seq),
  };
}

/** The current state of one opportunity, or null when there is none with this id. */
export async function findOpportunity(
  conn: Pick<Connection, 'db'>,
  id: string,
): Promise<OpportunityState | null> {
  const row = await conn.db.selectFrom('opportunities').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? rowToOpportunity(row) : null;
}

/** Current states of many opportunities, keyed by id (imports compare files against them). */
export async function findOpportunities(
  conn: Pick<Connection, 'db'>,
  ids: readonly string[],
): Promise<Map<string, OpportunityState>> {
  if (ids.length === 0) return new Map();
  const rows = await conn.db.selectFrom('opportunities').selectAll().where('id', 'in', ids).execute();
  return new Map(rows.map((row) => [row.id, rowToOpportunity(row)]));
}

/** A person who owns deals, as the deal filters offer them. */
export type DealOwner = { id: string; name: string; active: boolean };

/**
 * The people who own at least one deal the scope reaches, by name: now, or as of an instant (the
 * owners of the deal versions in effect then). Only deals decide it, so a person in the scope who
 * owns nothing is left out, and nobody outside the scope is ever named.
 */
export async function listDealOwners(
  conn: Pick<Connection, 'db'>,
  query: { scope: AccessScope; asOf: Date | null },
): Promise<DealOwner[]> {
  const result = await sql<{ id: string; name: string; active: boolean }>`
    select u.id, u.name, u.active from users u
    where exists (select 1 from ${dealSourceSql(query.asOf)} o
                  where o.owner_id = u.id and ${scopeSql('o', query.scope)})
    order by u.name, u.id`.execute(conn.db);
  return result.rows;
}
