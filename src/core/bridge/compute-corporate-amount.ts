import { convertMinor } from '../money.js';
import type { BridgeRates } from './bridge-types.js';

/**
 * A deal's amount in the corporate currency by the rule of docs/decisions/0003-money.md, the same
 * as `corporateAmountSql` in src/store/money-sql.ts: the rate in force on the close date (the
 * latest rate on or before it; the earliest rate when the close date precedes them all; the latest
 * when the deal has no close date), `amount × rate` rounded half away from zero. Null when the deal
 * has no amount or its currency has no rate.
 */
export function computeCorporateAmount(
  rates: BridgeRates,
  deal: { amountMinor: bigint | null; currency: string; closeDate: string | null },
): bigint | null {
  if (deal.amountMinor === null) return null;
  if (deal.currency === rates.corporateCurrency) return deal.amountMinor;
  const table = rates.rates.get(deal.currency);
  const fromDecimals = rates.decimals.get(deal.currency);
  const toDecimals = rates.decimals.get(rates.corporateCurrency);
  if (!table || table.length === 0 || fromDecimals === undefined || toDecimals === undefined) return null;
  const rate = pickRate(table, deal.closeDate);
  return convertMinor({ minor: deal.amountMinor, fromDecimals, toDecimals, rate });
}

/** `table` ascending by first valid day. */
function pickRate(table: readonly { validFrom: string; rate: string }[], closeDate: string | null): string {
  let picked: { validFrom: string; rate: string } | undefined;
  for (const entry of table) {
    if (closeDate === null || entry.validFrom <= closeDate) picked = entry;
  }
  return (picked ?? table[0])?.rate ?? '0';
}
