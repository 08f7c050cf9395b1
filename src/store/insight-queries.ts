import { sql, type RawBuilder } from 'kysely';
import type { AccessScope } from '../core/access-scope.js';
import type { Insight, InsightSeverity, InsightType } from '../core/insights/insight.js';
import type { SummaryDeal } from '../core/insights/summary-inputs.js';
import type { Connection } from '../db/connection.js';
import { scopeSql } from './deal-source.js';
import { corporateAmountSql } from './money-sql.js';

type Db = Pick<Connection, 'db'>;

/** Filters every voice-of-the-customer read takes; null leaves a filter off. */
export type InsightFilter = {
  scope: AccessScope;
  /** The account segment. */
  segment: string | null;
  /** The owners of a team (deal owner, or account owner for account-level insights). */
  ownerIds: readonly string[] | null;
};

/**
 * Whether the caller may see an account (`alias` is an accounts row): they own it, or see one of
 * its deals. Account-level insights and meetings follow this.
 */
export function accountVisibleSql(alias: string, scope: AccessScope): RawBuilder<unknown> {
  if (scope.kind === 'everything') return sql`true`;
  const a = sql.raw(alias);
  return sql`(${scopeSql(alias, scope)} or exists (select 1 from opportunities x
    where x.account_id = ${a}.id and ${scopeSql('x', scope)}))`;
}

/**
 * Insights the caller may see: those on a deal in their scope, and account-level ones on an account
 * they may see. Withdrawn insights are left out.
 */
export async function listInsights(
  conn: Db,
  query: InsightFilter & {
    insightId?: string;
    accountId?: string;
    opportunityId?: string;
    capturedFrom?: Date;
    capturedTo?: Date;
    types?: readonly InsightType[];
    limit?: number;
  },
): Promise<
  (Insight & { accountName: string | null; opportunityName: string | null; authorName: string | null })[]
> {
  const filters: RawBuilder<unknown>[] = [
    sql`not i.withdrawn`,
    sql`(case when o.id is not null then ${scopeSql('o', query.scope)}
              when i.opportunity_id is not null then false
              else ${accountVisibleSql('a', query.scope)} end)`,
  ];
  if (query.segment !== null) filters.push(sql`a.segment = ${query.segment}`);
  if (query.ownerIds !== null)
    filters.push(sql`coalesce(o.owner_id, a.owner_id) = any(${[...query.ownerIds]})`);
  if (query.insightId) filters.push(sql`i.id = ${query.insightId}`);
  if (query.accountId) filters.push(sql`i.account_id = ${query.accountId}`);
  if (query.opportunityId) filters.push(sql`i.opportunity_id = ${query.opportunityId}`);
  if (query.capturedFrom) filters.push(sql`i.captured_at >= ${query.capturedFrom}`);
  if (query.capturedTo) filters.push(sql`i.captured_at < ${query.capturedTo}`);
  if (query.types?.length) filters.push(sql`i.type = any(${[...query.types]})`);
  const result = await sql<{
    id: string;
    account_id: string;
    opportunity_id: string | null;
    type: string;
    competitor: string | null;
    topic: string | null;
    text: string;
    severity: string;
    author_id: string | null;
    captured_at: Date;
    account_name: string | null;
    opportunity_name: string | null;
    author_name: string | null;
  }>`
    select i.id, i.account_id, i.opportunity_id, i.type, i.competitor, i.topic, i.text, i.severity,
           i.author_id, i.captured_at, a.name as account_name, o.name as opportunity_name, u.name as author_name
    from insights i
    left join opportunities o on o.id = i.opportunity_id
    left join accounts a on a.id = i.account_id
    left join users u on u.id = i.author_id
    where ${sql.join(filters, sql` and `)}
    order by i.captured_at desc, i.id
    ${query.limit ? sql`limit ${query.limit}` : sql``}`.execute(conn.db);
  return result.rows.map((r) => ({
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
    accountName: r.account_name,
    opportunityName: r.opportunity_name,
    authorName: r.author_name,
  }));
}

/**
 * The deals the summaries need, within the caller's scope and filters: every open deal (the
 * pipeline at stake) and the deals closed in [closeFrom, closeTo), amounts in the corporate currency.
 */
export async function listSummaryDeals(
  conn: Db,
  query: InsightFilter & { closeFrom: string; closeTo: string; corporateCurrency: string },
): Promise<SummaryDeal[]> {
  const filters: RawBuilder<unknown>[] = [
    scopeSql('o', query.scope),
    sql`(not o.is_closed or (o.close_date >= ${query.closeFrom} and o.close_date < ${query.closeTo}))`,
  ];
  if (query.segment !== null) filters.push(sql`a.segment = ${query.segment}`);
  if (query.ownerIds !== null) filters.push(sql`o.owner_id = any(${[...query.ownerIds]})`);
  const result = await sql<{
    id: string;
    account_id: string | null;
    is_closed: boolean;
    is_won: boolean;
    close_date: string | null;
    amount: string | null;
    loss_reason: string | null;
    competitor: string | null;
  }>`
    select o.id, o.account_id, o.is_closed, o.is_won, o.close_date, o.loss_reason, o.competitor,
           ${corporateAmountSql('o', query.corporateCurrency)} as amount
    from opportunities o left join accounts a on a.id = o.account_id
    where ${sql.join(filters, sql` and `)}`.execute(conn.db);
  return result.rows.map((r) => ({
    id: r.id,
    accountId: r.account_id,
    isClosed: r.is_closed,
    isWon: r.is_won,
    closeDate: r.close_date,
    corporateAmountMinor: r.amount === null ? null : BigInt(r.amount),
    lossReason: r.loss_reason,
    competitor: r.competitor,
  }));
}

/** Segments in use, for filter pickers. */
export async function listAccountSegments(conn: Db): Promise<string[]> {
  const rows = await conn.db
    .selectFrom('accounts')
    .select('segment')
    .distinct()
    .where('segment', 'is not', null)
    .orderBy('segment')
    .execute();
  return rows.map((r) => r.segment).filter((s): s is string => s !== null);
}

/** An account the caller may see, with its name and owner, or null. */
export async function findAccountInScope(
  conn: Db,
  query: { id: string; scope: AccessScope },
): Promise<{
  id: string;
  name: string;
  ownerId: string | null;
  segment: string | null;
  industry: string | null;
} | null> {
  const result = await sql<{
    id: string;
    name: string;
    owner_id: string | null;
    segment: string | null;
    industry: string | null;
  }>`
    select a.id, a.name, a.owner_id, a.segment, a.industry from accounts a
    where a.id = ${query.id} and ${accountVisibleSql('a', query.scope)}`.execute(conn.db);
  const row = result.rows[0];
  return row
    ? { id: row.id, name: row.name, ownerId: row.owner_id, segment: row.segment, industry: row.industry }
    : null;
}

/** Deals lost with no loss reason on the deal and no loss-reason insight: the import flag list. */
export async function listLostWithoutReason(
  conn: Db,
  query: { scope: AccessScope; limit: number },
): Promise<{ id: string; name: string; closeDate: string | null; ownerId: string | null }[]> {
  const result = await sql<{ id: string; name: string; close_date: string | null; owner_id: string | null }>`
    select o.id, o.name, o.close_date, o.owner_id from opportunities o
    where o.is_closed and not o.is_won and coalesce(trim(o.loss_reason), '') = ''
      and ${scopeSql('o', query.scope)}
      and not exists (select 1 from insights i where i.opportunity_id = o.id and i.type = 'loss-reason' and not i.withdrawn)
    order by o.close_date desc nulls last, o.id
    limit ${query.limit}`.execute(conn.db);
  return result.rows.map((r) => ({ id: r.id, name: r.name, closeDate: r.close_date, ownerId: r.owner_id }));
}
