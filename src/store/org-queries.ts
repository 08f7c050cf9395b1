import { orgSettingsSchema, type Currency, type OrgSettings } from '../core/org-entities.js';
import type { ForecastCategory } from '../core/forecast-category.js';
import type { Stage } from '../core/stage.js';
import type { Connection } from '../db/connection.js';

type Db = Pick<Connection, 'db'>;

/** The organisation's settings, or null when the ledger has none yet (an empty database). */
export async function findOrgSettings(conn: Db): Promise<OrgSettings | null> {
  const row = await conn.db.selectFrom('org_settings').select('settings').executeTakeFirst();
  return row ? orgSettingsSchema.parse(row.settings) : null;
}

export async function listStages(conn: Db): Promise<Stage[]> {
  const rows = await conn.db.selectFrom('stages').selectAll().orderBy('sort_order').orderBy('name').execute();
  return rows.map((r) => ({
    name: r.name,
    order: r.sort_order,
    probability01: r.probability,
    forecastCategory: r.forecast_category as ForecastCategory,
    isClosed: r.is_closed,
    isWon: r.is_won,
    requiredFields: r.required_fields as string[],
    active: r.active,
  }));
}

export async function listCurrencies(conn: Db): Promise<Currency[]> {
  return conn.db.selectFrom('currencies').select(['code', 'decimals']).orderBy('code').execute();
}

export async function listCurrencyRates(
  conn: Db,
): Promise<{ code: string; validFrom: string; rate: string }[]> {
  const rows = await conn.db
    .selectFrom('currency_rates')
    .select(['code', 'valid_from', 'rate'])
    .orderBy('code')
    .orderBy('valid_from')
    .execute();
  return rows.map((r) => ({ code: r.code, validFrom: r.valid_from, rate: r.rate }));
}

export async function readLedgerHead(conn: Db): Promise<{ length: bigint; head: string }> {
  const row = await conn.db.selectFrom('ledger_head').select(['seq', 'hash']).executeTakeFirstOrThrow();
  return { length: BigInt(row.seq), head: row.hash };
}

/** Which of these origin keys the ledger already holds (re-imports skip those facts). */
export async function findKnownOriginKeys(conn: Db, keys: readonly string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await conn.db
    .selectFrom('events')
    .select('origin_key')
    .where('origin_key', 'in', keys)
    .execute();
  return new Set(rows.map((r) => r.origin_key ?? ''));
}

/** One person as the users projection holds them, or null when there is no such user. */
export async function findUserRecord(
  conn: Db,
  userId: string,
): Promise<{ id: string; name: string; email: string | null; title: string | null; active: boolean } | null> {
  const row = await conn.db
    .selectFrom('users')
    .select(['id', 'name', 'email', 'title', 'active'])
    .where('id', '=', userId)
    .executeTakeFirst();
  return row ?? null;
}
