import { sql } from 'kysely';
import type { Connection } from '../db/connection.js';

type Db = Pick<Connection, 'db'>;

export type StoredCallScore = {
  userId: string;
  period: string;
  currency: string;
  scoredAt: Date;
  actualMinor: bigint;
  weeks: { week: number; commitMinor: bigint; errorMinor: bigint; accuracy01: number | null }[];
  bias01: number | null;
};

type WeekRow = { week: number; commitMinor: string; errorMinor: string; accuracy01: string | null };

/** The stored scores of these periods (projection of `call.scored`), by period and person. */
export async function listCallScores(conn: Db, periods: readonly string[]): Promise<StoredCallScore[]> {
  if (periods.length === 0) return [];
  const result = await sql<{
    user_id: string;
    period: string;
    currency: string;
    scored_at: Date;
    actual_minor: string;
    weeks: WeekRow[];
    bias01: string | null;
  }>`
    select user_id, period, currency, scored_at, actual_minor, weeks, bias01
    from call_scores
    where period in (${sql.join(periods)})
    order by period, user_id`.execute(conn.db);
  return result.rows.map((r) => ({
    userId: r.user_id,
    period: r.period,
    currency: r.currency,
    scoredAt: r.scored_at,
    actualMinor: BigInt(r.actual_minor),
    weeks: r.weeks.map((w) => ({
      week: w.week,
      commitMinor: BigInt(w.commitMinor),
      errorMinor: BigInt(w.errorMinor),
      accuracy01: w.accuracy01 === null ? null : Number(w.accuracy01),
    })),
    bias01: r.bias01 === null ? null : Number(r.bias01),
  }));
}
