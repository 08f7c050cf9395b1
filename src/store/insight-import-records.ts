import { sql } from 'kysely';
import type { InsightState } from '../core/insights/apply-insight-event.js';
import type { InsightSeverity, InsightType } from '../core/insights/insight.js';
import type { Connection } from '../db/connection.js';
import type { InsightsTable } from '../db/database.js';
import { chunk } from './entity-key.js';

type Db = Pick<Connection, 'db'>;

function rowToInsight(r: InsightsTable): InsightState & { id: string } {
  return {
    id: r.id,
    accountId: r.account_id,
    opportunityId: r.opportunity_id,
    type: r.type as InsightType,
    competitor: r.competitor,
    topic: r.topic,
    text: r.text,
    severity: r.severity as InsightSeverity,
    authorId: r.author_id,
    capturedAt: r.captured_at.toISOString(),
    withdrawn: r.withdrawn,
  };
}

/** The current records of these insights (withdrawn ones too), for an import to compare its rows with. */
export async function findInsights(
  conn: Db,
  ids: readonly string[],
): Promise<Map<string, InsightState & { id: string }>> {
  const found = new Map<string, InsightState & { id: string }>();
  for (const part of chunk([...new Set(ids)], 5_000)) {
    const rows = await conn.db.selectFrom('insights').selectAll().where('id', 'in', part).execute();
    for (const r of rows) found.set(r.id, rowToInsight(r));
  }
  return found;
}

/** The insights on these deals that are not withdrawn, by deal. */
export async function listLiveDealInsights(
  conn: Db,
  opportunityIds: readonly string[],
): Promise<Map<string, (InsightState & { id: string })[]>> {
  const found = new Map<string, (InsightState & { id: string })[]>();
  for (const part of chunk([...new Set(opportunityIds)], 5_000)) {
    const rows = await conn.db
      .selectFrom('insights')
      .selectAll()
      .where('opportunity_id', 'in', part)
      .where('withdrawn', '=', false)
      .orderBy('captured_at')
      .orderBy('id')
      .execute();
    for (const r of rows) {
      const key = r.opportunity_id ?? '';
      found.set(key, [...(found.get(key) ?? []), rowToInsight(r)]);
    }
  }
  return found;
}

/** A deal whose loss reason or competitor an import batch set, with when it last set each. */
export type DealFieldsSet = {
  id: string;
  accountId: string | null;
  isClosed: boolean;
  isWon: boolean;
  closeDate: string | null;
  lossReason: string | null;
  competitor: string | null;
  lossReasonSetAt: Date | null;
  competitorSetAt: Date | null;
};

/**
 * The deals whose `lossReason` or `competitor` this batch's events set (to a value or to blank; a
 * stage change counts for the loss reason), a
 * page at a time in id order (keyset paging after `afterId`), with their current values.
 */
export async function listDealFieldsSetByBatch(
  conn: Db,
  query: { batchId: string; afterId: string; limit: number },
): Promise<DealFieldsSet[]> {
  const result = await sql<{
    id: string;
    account_id: string | null;
    is_closed: boolean;
    is_won: boolean;
    close_date: string | null;
    loss_reason: string | null;
    competitor: string | null;
    loss_reason_at: Date | null;
    competitor_at: Date | null;
  }>`
    with sets as (
      select e.entity_id, e.business_time,
             -- A creation states every field (blank ones as null); a change only those it changes.
             -- A change of stage counts for the loss reason: a deal lost later keeps its reason.
             case when e.kind = 'opportunity.created' then e.payload->>'lossReason' is not null
                  else e.payload ? 'lossReason' or e.payload ? 'stage' end as sets_reason,
             case when e.kind = 'opportunity.created' then e.payload->>'competitor' is not null
                  else e.payload ? 'competitor' end as sets_competitor
      from events e
      where e.batch_id = ${query.batchId} and e.entity_type = 'opportunity'
        and (e.payload ? 'lossReason' or e.payload ? 'competitor' or e.payload ? 'stage')
        and e.entity_id > ${query.afterId}),
    touched as (
      select entity_id as id,
             max(business_time) filter (where sets_reason) as loss_reason_at,
             max(business_time) filter (where sets_competitor) as competitor_at
      from sets where sets_reason or sets_competitor
      group by entity_id
      order by entity_id
      limit ${query.limit})
    select o.id, o.account_id, o.is_closed, o.is_won, o.close_date::text as close_date, o.loss_reason,
           o.competitor, t.loss_reason_at, t.competitor_at
    from touched t join opportunities o on o.id = t.id
    order by o.id`.execute(conn.db);
  return result.rows.map((r) => ({
    id: r.id,
    accountId: r.account_id,
    isClosed: r.is_closed,
    isWon: r.is_won,
    closeDate: r.close_date,
    lossReason: r.loss_reason,
    competitor: r.competitor,
    lossReasonSetAt: r.loss_reason_at,
    competitorSetAt: r.competitor_at,
  }));
}
