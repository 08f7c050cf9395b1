import { sql } from 'kysely';
import type { AccessScope } from '../core/access-scope.js';
import { callPolicySchema, type CallPolicy } from '../core/calls/call-policy.js';
import type { CallSubmission } from '../core/calls/call-submission.js';
import type { OwnerCategoryTotal } from '../core/calls/compute-owner-rollup.js';
import type { ForecastCategory } from '../core/forecast-category.js';
import type { Connection } from '../db/connection.js';
import { dealSourceSql, scopeSql } from './deal-source.js';
import { corporateAmountSql } from './money-sql.js';

type Db = Pick<Connection, 'db'>;

/** The call policy admins set, or null when none was ever set (the defaults apply). */
export async function findCallPolicy(conn: Db): Promise<CallPolicy | null> {
  const row = await conn.db.selectFrom('call_policy').select('settings').executeTakeFirst();
  return row ? callPolicySchema.parse(row.settings) : null;
}

export type CallFilter = {
  periods: readonly string[];
  /** Whose calls; every person's when absent. */
  userIds?: readonly string[];
};

/** Every submission of the given periods (and people), oldest first. */
export async function listCallSubmissions(conn: Db, filter: CallFilter): Promise<CallSubmission[]> {
  if (filter.periods.length === 0 || filter.userIds?.length === 0) return [];
  let query = conn.db
    .selectFrom('forecast_calls')
    .selectAll()
    .where('period', 'in', [...filter.periods]);
  if (filter.userIds) query = query.where('user_id', 'in', [...filter.userIds]);
  const rows = await query.orderBy('submitted_at').orderBy('seq').execute();
  return rows.map((r) => ({
    seq: BigInt(r.seq),
    userId: r.user_id,
    period: r.period,
    week: r.week,
    submittedAt: r.submitted_at,
    submittedBy: r.submitted_by,
    commitMinor: BigInt(r.commit_minor),
    bestCaseMinor: BigInt(r.best_case_minor),
    currency: r.currency,
    note: r.note,
    reason: r.reason,
    rollupCommitMinor: BigInt(r.rollup_commit_minor),
    rollupBestCaseMinor: BigInt(r.rollup_best_case_minor),
  }));
}

export type OwnerTotalsQuery = {
  closeFrom: string;
  closeTo: string;
  /** Null for the current state. */
  asOf: Date | null;
  scope: AccessScope;
  corporateCurrency: string;
};

/**
 * Sums of the deals closing in [closeFrom, closeTo) by owner and forecast category, in the corporate
 * currency, now or as they stood at `asOf`, within a scope; with the part whose category the owner
 * set by hand. Deals whose currency has no rate add nothing (as in the pipeline's totals).
 */
export async function summarizeOwnerCategories(
  conn: Db,
  query: OwnerTotalsQuery,
): Promise<OwnerCategoryTotal[]> {
  const result = await sql<{
    owner_id: string;
    category: string;
    deals: string;
    amount: string | null;
    overridden_deals: string;
    overridden_amount: string | null;
  }>`
    select o.owner_id, o.forecast_category as category, count(*) as deals, sum(a.amount) as amount,
           count(*) filter (where o.category_overridden) as overridden_deals,
           sum(a.amount) filter (where o.category_overridden) as overridden_amount
    from ${dealSourceSql(query.asOf, { from: query.closeFrom, to: query.closeTo })} o
    cross join lateral (select ${corporateAmountSql('o', query.corporateCurrency)} as amount) a
    where o.close_date >= ${query.closeFrom} and o.close_date < ${query.closeTo}
      and o.owner_id is not null and ${scopeSql('o', query.scope)}
    group by o.owner_id, o.forecast_category`.execute(conn.db);
  return result.rows.map((r) => ({
    ownerId: r.owner_id,
    category: r.category as ForecastCategory,
    deals: Number(r.deals),
    amountMinor: BigInt(r.amount ?? '0'),
    overriddenDeals: Number(r.overridden_deals),
    overriddenMinor: BigInt(r.overridden_amount ?? '0'),
  }));
}

export type CommitDealRow = { id: string; ownerId: string; amountMinor: bigint; won: boolean };

/**
 * The deals that stood in Commit with a close date in [closeFrom, closeTo) at any of the given
 * instants (the weekly due times of a period), with their amount when last seen in Commit and
 * whether they are now won with a close date in that range.
 */
export async function listCommitDealsAt(
  conn: Db,
  query: { closeFrom: string; closeTo: string; instants: readonly Date[]; corporateCurrency: string },
): Promise<CommitDealRow[]> {
  if (query.instants.length === 0) return [];
  const instants = query.instants.map((i) => i.toISOString());
  const result = await sql<{ id: string; owner_id: string; amount: string | null; won: boolean }>`
    select distinct on (v.id) v.id, v.owner_id, a.amount,
           (o.is_won and o.close_date >= ${query.closeFrom} and o.close_date < ${query.closeTo}) as won
    from unnest(${instants}::timestamptz[]) as t(at)
    join opportunity_versions v on v.valid_from <= t.at and v.valid_to > t.at
    join opportunities o on o.id = v.id
    cross join lateral (select ${corporateAmountSql('v', query.corporateCurrency)} as amount) a
    where v.forecast_category = 'Commit' and v.owner_id is not null
      and v.close_date >= ${query.closeFrom} and v.close_date < ${query.closeTo}
    order by v.id, t.at desc`.execute(conn.db);
  return result.rows.map((r) => ({
    id: r.id,
    ownerId: r.owner_id,
    amountMinor: BigInt(r.amount ?? '0'),
    won: r.won,
  }));
}

/** Won amounts by owner for deals closed won with a close date in [closeFrom, closeTo), as known now. */
export async function sumWonByOwner(
  conn: Db,
  query: { closeFrom: string; closeTo: string; corporateCurrency: string },
): Promise<Map<string, bigint>> {
  const result = await sql<{ owner_id: string; amount: string | null }>`
    select o.owner_id, sum(a.amount) as amount
    from opportunities o
    cross join lateral (select ${corporateAmountSql('o', query.corporateCurrency)} as amount) a
    where o.is_won and o.owner_id is not null
      and o.close_date >= ${query.closeFrom} and o.close_date < ${query.closeTo}
    group by o.owner_id`.execute(conn.db);
  return new Map(result.rows.map((r) => [r.owner_id, BigInt(r.amount ?? '0')]));
}

/** People with their names, for the grid and the reminders. */
export async function listPeople(conn: Db): Promise<{ id: string; name: string; active: boolean }[]> {
  return conn.db.selectFrom('users').select(['id', 'name', 'active']).orderBy('name').execute();
}

/** The e-mail addresses of these people (those who have one), for reminders. */
export async function listPeopleEmails(conn: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await conn.db.selectFrom('users').select(['id', 'email']).where('id', 'in', ids).execute();
  return new Map(rows.flatMap((r) => (r.email ? [[r.id, r.email] as [string, string]] : [])));
}
