import { sql, type RawBuilder } from 'kysely';

/**
 * A deal's amount in the corporate currency, in SQL: the rate in force on the deal's close date
 * (the latest rate on or before it; the earliest rate for deals without one), `amount × rate`
 * rescaled to the corporate minor unit and rounded half away from zero by numeric `round`, the
 * same rule as core/money.ts `convertMinor`. Null when the deal has no amount or its currency has
 * no rate.
 */
export function corporateAmountSql(alias: string, corporateCurrency: string): RawBuilder<string | null> {
  const o = sql.raw(alias);
  return sql<string | null>`case when ${o}.currency = ${corporateCurrency} then ${o}.amount_minor
    else (select round(${o}.amount_minor * r.rate * power(10::numeric, cc.decimals - c.decimals))::bigint
          from currency_rates r
          join currencies c on c.code = r.code
          join currencies cc on cc.code = ${corporateCurrency}
          where r.code = ${o}.currency
          order by (r.valid_from <= coalesce(${o}.close_date, r.valid_from)) desc,
                   case when r.valid_from <= coalesce(${o}.close_date, r.valid_from) then r.valid_from end desc,
                   r.valid_from asc
          limit 1) end`;
}
