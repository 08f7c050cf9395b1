import { sql, type RawBuilder } from 'kysely';
import type { ForecastCategory } from '../core/forecast-category.js';
import type { DealFacts } from '../core/hygiene/deal-facts.js';
import type { Connection } from '../db/connection.js';
import { parsePushes } from './hygiene-deal-history.js';
import {
  dealFilterSql,
  epochMsSql,
  lastActivitySql,
  stateColumnsSql,
  type FactsRow,
  type HygieneFactsQuery,
} from './hygiene-fact-sql.js';
import { listFactRowsFromVersions } from './hygiene-facts-from-versions.js';

export type { HygieneFactsQuery } from './hygiene-fact-sql.js';

/**
 * The facts the hygiene rules read, for every deal open at T (and the closed ones the
 * backdated-change rule looks at): the state valid at T, and from the history up to T the first
 * stage, the close-date pushes, the amount at the start of the swing window, when each current
 * value was set, and the latest activity. It reproduces core/hygiene/compute-deal-facts.ts (a test
 * holds them equal). Backdated changes are left empty: the caller adds them (listBackdatedEvents).
 *
 * A deal whose latest version is at or before T (nearly all of them when T is recent) is read from
 * its current row and its history-facts row (migration 0014): one row each, whatever its history.
 * The others, changed after T, are computed from their versions up to T
 * (listFactRowsFromVersions). Rows come in no particular order.
 */
export async function listHygieneFacts(
  conn: Pick<Connection, 'db' | 'eachRow'>,
  query: HygieneFactsQuery,
): Promise<DealFacts[]> {
  const intern = createInterner();
  const facts: DealFacts[] = [];
  // Each row becomes its facts as it arrives: see Connection.eachRow.
  await conn.eachRow(projectedFactsSql(query), (row) => facts.push(rowToFacts(row, intern)));
  for (const row of await listFactRowsFromVersions(conn, query)) facts.push(rowToFacts(row, intern));
  return facts;
}

/**
 * One shared instance per distinct text, for the texts that repeat across deals (stages, owners,
 * close dates): the facts of a whole pipeline are held at once, and the collector's work grows
 * with the objects they keep alive.
 */
function createInterner(): (text: string) => string {
  const seen = new Map<string, string>();
  return (text) => {
    const known = seen.get(text);
    if (known !== undefined) return known;
    seen.set(text, text);
    return text;
  };
}

function projectedFactsSql(query: HygieneFactsQuery): RawBuilder<FactsRow> {
  const { asOf, amountWindowStart: windowStart } = query;
  // All deals: one pass over the activities grouped by deal beats a look-up per deal; one deal:
  // the look-up.
  const lastActivity =
    query.onlyIds === undefined ? sql`a.last_activity` : sql`(${lastActivitySql('o', query)})`;
  const activities =
    query.onlyIds === undefined
      ? sql`left join (
          select a.opportunity_id, max(a.occurred_at) as last_activity from activities a
          where a.opportunity_id is not null and a.occurred_at <= ${asOf}
            and a.id <> all(${[...query.excludeActivityIds]}::text[])
          group by a.opportunity_id) a on a.opportunity_id = o.id`
      : sql``;
  return sql<FactsRow>`
    select ${stateColumnsSql('o', query.corporateCurrency)},
           ${epochMsSql(sql`f.first_seen`)} as first_seen, f.first_stage,
           case when o.push_count >= ${query.minPushesListed} then f.pushes end as pushes,
           f.first_seen <= ${windowStart} as existed_before,
           case when f.amount_since <= ${windowStart} then o.amount_minor
                when f.first_seen <= ${windowStart} then
                  (select v.amount_minor from opportunity_versions v
                   where v.id = o.id and v.valid_from <= ${windowStart}
                   order by v.valid_from desc limit 1)
           end as amount_before,
           ${epochMsSql(sql`f.amount_since`)} as amount_since, ${epochMsSql(sql`f.close_since`)} as close_since,
           ${epochMsSql(sql`f.category_since`)} as category_since, ${epochMsSql(sql`f.next_since`)} as next_since,
           ${epochMsSql(sql`f.fields_since`)} as fields_since, ${epochMsSql(lastActivity)} as last_activity
    from opportunities o
    join hygiene_deal_facts f on f.id = o.id
    ${activities}
    where f.last_change_at <= ${asOf} and ${dealFilterSql('o', query)}`;
}

function rowToFacts(row: FactsRow, intern: (text: string) => string): DealFacts {
  // Most "since" instants are the deal's creation or stage entry (fields and next step set when
  // the deal was created, category with the stage): one Date each, shared, rather than ten per
  // deal. Nothing here or in the rules changes a Date in place.
  const createdAt = toDate(row.created_at);
  const stageEnteredAt = row.stage_entered_at === row.created_at ? createdAt : toDate(row.stage_entered_at);
  return {
    id: row.id,
    name: row.name,
    ownerId: row.owner_id === null ? null : intern(row.owner_id),
    accountId: row.account_id,
    stage: intern(row.stage),
    forecastCategory: intern(row.forecast_category) as ForecastCategory,
    isClosed: row.is_closed,
    isWon: row.is_won,
    closeDate: row.close_date === null ? null : intern(row.close_date),
    amountMinor: row.amount_minor === null ? null : BigInt(row.amount_minor),
    currency: intern(row.currency),
    corporateAmountMinor: row.corporate_amount === null ? null : BigInt(row.corporate_amount),
    nextStep: row.next_step,
    competitor: row.competitor,
    type: row.type,
    leadSource: row.lead_source,
    lossReason: row.loss_reason,
    fields: row.fields,
    createdAt,
    stageEnteredAt,
    closedRecordedAt: toDateOrNull(row.closed_recorded_at),
    firstSeenAt: sharedInstant(row.first_seen, row, createdAt, stageEnteredAt),
    firstStage: intern(row.first_stage),
    pushes: parsePushes(row.pushes, intern),
    amountBefore: row.existed_before
      ? row.amount_before === null
        ? null
        : BigInt(row.amount_before)
      : undefined,
    since: {
      amount: sharedInstant(row.amount_since, row, createdAt, stageEnteredAt),
      closeDate: sharedInstant(row.close_since, row, createdAt, stageEnteredAt),
      category: sharedInstant(row.category_since, row, createdAt, stageEnteredAt),
      nextStep: sharedInstant(row.next_since, row, createdAt, stageEnteredAt),
      fields: sharedInstant(row.fields_since, row, createdAt, stageEnteredAt),
    },
    lastActivityAt: toDateOrNull(row.last_activity),
    backdated: [],
  };
}

function sharedInstant(epochMs: string, row: FactsRow, createdAt: Date, stageEnteredAt: Date): Date {
  if (epochMs === row.created_at) return createdAt;
  return epochMs === row.stage_entered_at ? stageEnteredAt : toDate(epochMs);
}

function toDate(epochMs: string): Date {
  return new Date(Number(epochMs));
}

function toDateOrNull(epochMs: string | null): Date | null {
  return epochMs === null ? null : new Date(Number(epochMs));
}
