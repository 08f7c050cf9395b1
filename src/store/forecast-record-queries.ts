import type { Connection } from '../db/connection.js';

/** The sequence number of the event that stored forecast `forecastId`, or null when none did. */
export async function findForecastRecordSeq(
  conn: Pick<Connection, 'db'>,
  forecastId: string,
): Promise<bigint | null> {
  const row = await conn.db
    .selectFrom('events')
    .select('seq')
    .where('entity_type', '=', 'forecast')
    .where('entity_id', '=', forecastId)
    .executeTakeFirst();
  return row ? BigInt(row.seq) : null;
}

export type StoredForecast = {
  forecastId: string;
  period: string;
  teamId: string | null;
  ownerId: string | null;
  scopeKey: string;
  asOf: Date;
  week: number;
  currency: string;
  expectedMinor: bigint;
  p10Minor: bigint;
  p50Minor: bigint;
  p90Minor: bigint;
  methodVersion: string;
  ledgerSeq: bigint;
  thinData: boolean;
  /** Who was shown it: a user id, or `cli`. */
  recordedBy: string;
};

/** The stored forecasts of a period, oldest as-of first: what scoring at period close reads. */
export async function listStoredForecasts(
  conn: Pick<Connection, 'db'>,
  period: string,
): Promise<StoredForecast[]> {
  const rows = await conn.db
    .selectFrom('forecasts')
    .selectAll()
    .where('period', '=', period)
    .orderBy('as_of')
    .orderBy('forecast_id')
    .execute();
  return rows.map((r) => ({
    forecastId: r.forecast_id,
    period: r.period,
    teamId: r.team_id,
    ownerId: r.owner_id,
    scopeKey: r.scope_key,
    asOf: r.as_of,
    week: r.week,
    currency: r.currency,
    expectedMinor: BigInt(r.expected_minor),
    p10Minor: BigInt(r.p10_minor),
    p50Minor: BigInt(r.p50_minor),
    p90Minor: BigInt(r.p90_minor),
    methodVersion: r.method_version,
    ledgerSeq: BigInt(r.ledger_seq),
    thinData: r.thin_data,
    recordedBy: r.recorded_by,
  }));
}
