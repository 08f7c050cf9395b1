import { sql } from 'kysely';
import type { Connection } from '../db/connection.js';
import { dealSourceSql } from './deal-source.js';

/**
 * The open deals (Pipeline, Best Case, Commit) closing in `[closeFrom, closeTo)` as they stood at
 * `asOf`, with what the corporate conversion needs, for the next period's pipeline in the account.
 */
export async function listBridgeOpenDeals(
  conn: Pick<Connection, 'db'>,
  query: { closeFrom: string; closeTo: string; asOf: Date; ownerIds: readonly string[] | null },
): Promise<{ id: string; amountMinor: bigint | null; currency: string; closeDate: string | null }[]> {
  const owners = query.ownerIds === null ? sql`true` : sql`owner_id = any(${[...query.ownerIds]}::text[])`;
  const result = await sql<{
    id: string;
    amount_minor: string | null;
    currency: string;
    close_date: string | null;
  }>`
    select id, amount_minor, currency, close_date
    from ${dealSourceSql(query.asOf, { from: query.closeFrom, to: query.closeTo })} o
    where not is_closed and forecast_category in ('Pipeline', 'Best Case', 'Commit') and ${owners}`.execute(
    conn.db,
  );
  return result.rows.map((r) => ({
    id: r.id,
    amountMinor: r.amount_minor === null ? null : BigInt(r.amount_minor),
    currency: r.currency,
    closeDate: r.close_date,
  }));
}
