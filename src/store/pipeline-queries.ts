import { sql } from 'kysely';
import type { AccessScope } from '../core/access-scope.js';
import type { ForecastCategory } from '../core/forecast-category.js';
import type { Connection } from '../db/connection.js';
import { dealSourceSql, scopeSql } from './deal-source.js';
import { corporateAmountSql } from './money-sql.js';

export type PipelineQuery = {
  /** Deals whose close date falls in [closeFrom, closeTo). */
  closeFrom: string;
  closeTo: string;
  /** Null for the current state. */
  asOf: Date | null;
  scope: AccessScope;
  corporateCurrency: string;
};

export type CategoryTotal = {
  category: ForecastCategory;
  deals: number;
  amountMinor: bigint;
  /** Deals counted whose amount could not be converted (no rate for their currency). */
  unconverted: number;
};

/** Deal counts and corporate-currency totals by forecast category. */
export async function summarizePipeline(
  conn: Pick<Connection, 'db'>,
  query: PipelineQuery,
): Promise<CategoryTotal[]> {
  const result = await sql<{ category: string; deals: string; amount: string | null; unconverted: string }>`
    select o.forecast_category as category, count(*) as deals,
           sum(a.amount) as amount,
           count(*) filter (where o.amount_minor is not null and a.amount is null) as unconverted
    from ${dealSourceSql(query.asOf, { from: query.closeFrom, to: query.closeTo })} o
    cross join lateral (select ${corporateAmountSql('o', query.corporateCurrency)} as amount) a
    where o.close_date >= ${query.closeFrom} and o.close_date < ${query.closeTo}
      and ${scopeSql('o', query.scope)}
    group by o.forecast_category`.execute(conn.db);
  return result.rows.map((row) => ({
    category: row.category as ForecastCategory,
    deals: Number(row.deals),
    amountMinor: BigInt(row.amount ?? '0'),
    unconverted: Number(row.unconverted),
  }));
}

export type DealRow = {
  id: string;
  name: string;
  accountId: string | null;
  accountName: string | null;
  ownerId: string | null;
  ownerName: string | null;
  stage: string;
  forecastCategory: ForecastCategory;
  amountMinor: bigint | null;
  currency: string;
  corporateAmountMinor: bigint | null;
  closeDate: string | null;
  isClosed: boolean;
  isWon: boolean;
  pushCount: number;
  createdAt: Date;
  closedRecordedAt: Date | null;
  nextStep: string | null;
};

export type DealListQuery = Omit<PipelineQuery, 'closeFrom' | 'closeTo'> & {
  /** Close-date bounds as in PipelineQuery; null leaves that end open (with both null, undated deals count too). */
  closeFrom: string | null;
  closeTo: string | null;
  categories?: readonly ForecastCategory[];
  ownerIds?: readonly string[];
  stages?: readonly string[];
  search?: string;
  sort?: 'close_date' | 'amount' | 'name';
  descending?: boolean;
  limit: number;
  offset: number;
};

/**
 * The deals behind a pipeline, with filters and paging; total is the count before paging (also on
 * a page past the end, which has no rows).
 *
 * The count is its own aggregate over the filters rather than a window over the page query: a
 * window (`count(*) over ()`) makes every matching row, with all its columns, pass through before
 * the sort, whereas a plain count can be read from the (owner, close date) index alone and leaves
 * the page query a top-N sort of just `offset + limit` rows. Names are joined to the page only.
 */
export async function listDeals(
  conn: Pick<Connection, 'db'>,
  query: DealListQuery,
): Promise<{ total: number; deals: DealRow[] }> {
  const filters = [scopeSql('o', query.scope)];
  if (query.closeFrom !== null) filters.push(sql`o.close_date >= ${query.closeFrom}`);
  if (query.closeTo !== null) filters.push(sql`o.close_date < ${query.closeTo}`);
  if (query.categories?.length) filters.push(sql`o.forecast_category = any(${[...query.categories]})`);
  if (query.ownerIds?.length) filters.push(sql`o.owner_id = any(${[...query.ownerIds]})`);
  if (query.stages?.length) filters.push(sql`o.stage = any(${[...query.stages]})`);
  if (query.search) filters.push(sql`o.name ilike ${`%${query.search.replace(/[%_\\]/g, '\\$&')}%`}`);
  const where = sql.join(filters, sql` and `);
  const sortColumn = { close_date: 'close_date', amount: 'amount', name: 'name' }[query.sort ?? 'close_date'];
  const direction = sql.raw(query.descending ? 'desc nulls last' : 'asc nulls last');
  const source = dealSourceSql(query.asOf, { from: query.closeFrom, to: query.closeTo });
  const result = await sql<{
    id: string | null;
    name: string;
    account_id: string | null;
    account_name: string | null;
    owner_id: string | null;
    owner_name: string | null;
    stage: string;
    forecast_category: string;
    amount_minor: string | null;
    currency: string;
    amount: string | null;
    close_date: string | null;
    is_closed: boolean;
    is_won: boolean;
    push_count: number;
    created_at: Date;
    closed_recorded_at: Date | null;
    next_step: string | null;
    total: string;
  }>`
    select t.total, p.*
    from (select count(*) as total from ${source} o where ${where}) t
    left join (
      select o.*, acc.name as account_name, u.name as owner_name
      from (
        select o.id, o.name, o.account_id, o.owner_id, o.stage, o.forecast_category, o.amount_minor,
               o.currency, a.amount, o.close_date, o.is_closed, o.is_won, o.push_count, o.created_at,
               o.closed_recorded_at, o.next_step
        from ${source} o
        cross join lateral (select ${corporateAmountSql('o', query.corporateCurrency)} as amount) a
        where ${where}
        order by ${sql.raw(sortColumn === 'amount' ? 'a.amount' : `o.${sortColumn}`)} ${direction}, o.id
        limit ${query.limit} offset ${query.offset}
      ) o
      left join accounts acc on acc.id = o.account_id
      left join users u on u.id = o.owner_id
    ) p on true
    order by p.${sql.raw(sortColumn)} ${direction}, p.id`.execute(conn.db);
  const rows = result.rows.filter((r): r is typeof r & { id: string } => r.id !== null);
  return {
    total: Number(result.rows[0]?.total ?? 0),
    deals: rows.map((r) => ({
      id: r.id,
      name: r.name,
      accountId: r.account_id,
      accountName: r.account_name,
      ownerId: r.owner_id,
      ownerName: r.owner_name,
      stage: r.stage,
      forecastCategory: r.forecast_category as ForecastCategory,
      amountMinor: r.amount_minor === null ? null : BigInt(r.amount_minor),
      currency: r.currency,
      corporateAmountMinor: r.amount === null ? null : BigInt(r.amount),
      closeDate: r.close_date,
      isClosed: r.is_closed,
      isWon: r.is_won,
      pushCount: r.push_count,
      createdAt: r.created_at,
      closedRecordedAt: r.closed_recorded_at,
      nextStep: r.next_step,
    })),
  };
}
