import { convertMinor } from '../money.js';

export type RateTable = {
  corporateCurrency: string;
  /** Minor-unit decimals by currency code. */
  decimals: ReadonlyMap<string, number>;
  /** Rates by currency, each list sorted by `validFrom`: corporate units for one unit of the currency. */
  rates: ReadonlyMap<string, readonly { validFrom: string; rate: string }[]>;
};

/**
 * An amount in the corporate currency, by the rate in force on `day` (the latest rate on or before
 * it, else the earliest there is): the rule src/store/money-sql.ts applies to deals. Null when the
 * currency has no rate.
 */
export function convertToCorporate(
  amountMinor: bigint,
  currency: string,
  day: string,
  table: RateTable,
): bigint | null {
  const toDecimals = table.decimals.get(table.corporateCurrency) ?? 2;
  if (currency === table.corporateCurrency) return amountMinor;
  const rates = table.rates.get(currency) ?? [];
  const inForce = [...rates].reverse().find((r) => r.validFrom <= day) ?? rates[0];
  if (!inForce) return null;
  return convertMinor({
    minor: amountMinor,
    fromDecimals: table.decimals.get(currency) ?? 2,
    toDecimals,
    rate: inForce.rate,
  });
}
