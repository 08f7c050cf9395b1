import { sql } from 'kysely';
import type { Connection } from '../db/connection.js';

type Db = Pick<Connection, 'db'>;

export type StoredForecastScore = {
  forecastId: string;
  period: string;
  scopeKey: string;
  week: number;
  currency: string;
  scoredAt: Date;
  actualMinor: bigint;
  expectedMinor: bigint;
  p10Minor: bigint;
  p90Minor: bigint;
  errorMinor: bigint;
  accuracy01: number | null;
  signedError01: number | null;
  withinBand: boolean;
};

/** The stored scores of Candor's forecasts of these periods (projection of `forecast.scored`). */
export async function listForecastScores(
  conn: Db,
  periods: readonly string[],
): Promise<StoredForecastScore[]> {
  if (periods.length === 0) return [];
  const result = await sql<{
    forecast_id: string;
    period: string;
    scope_key: string;
    week: number;
    currency: string;
    scored_at: Date;
    actual_minor: string;
    expected_minor: string;
    p10_minor: string;
    p90_minor: string;
    error_minor: string;
    accuracy01: string | null;
    signed_error01: string | null;
    within_band: boolean;
  }>`
    select forecast_id, period, scope_key, week, currency, scored_at, actual_minor::text,
      expected_minor::text, p10_minor::text, p90_minor::text, error_minor::text, accuracy01,
      signed_error01, within_band
    from forecast_scores
    where period in (${sql.join(periods)})
    order by period, scope_key, week`.execute(conn.db);
  return result.rows.map((r) => ({
    forecastId: r.forecast_id,
    period: r.period,
    scopeKey: r.scope_key,
    week: Number(r.week),
    currency: r.currency,
    scoredAt: r.scored_at,
    actualMinor: BigInt(r.actual_minor),
    expectedMinor: BigInt(r.expected_minor),
    p10Minor: BigInt(r.p10_minor),
    p90Minor: BigInt(r.p90_minor),
    errorMinor: BigInt(r.error_minor),
    accuracy01: r.accuracy01 === null ? null : Number(r.accuracy01),
    signedError01: r.signed_error01 === null ? null : Number(r.signed_error01),
    withinBand: r.within_band,
  }));
}
