import type { Connection } from '../db/connection.js';
import type { RateTable } from '../core/quotas/convert-to-corporate.js';
import { listCurrencies, listCurrencyRates } from './org-queries.js';

/** The currencies and rates of the organisation as a table for convertToCorporate. */
export async function readQuotaRateTable(
  conn: Pick<Connection, 'db'>,
  corporateCurrency: string,
): Promise<RateTable> {
  // One after the other: a connection runs one query at a time (pg queues a second one, and warns).
  const currencies = await listCurrencies(conn);
  const rates = await listCurrencyRates(conn);
  const byCode = new Map<string, { validFrom: string; rate: string }[]>();
  for (const rate of rates) {
    const list = byCode.get(rate.code) ?? [];
    list.push({ validFrom: rate.validFrom, rate: rate.rate });
    byCode.set(rate.code, list);
  }
  return {
    corporateCurrency,
    decimals: new Map(currencies.map((c) => [c.code, c.decimals])),
    rates: byCode,
  };
}
