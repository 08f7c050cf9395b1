import { crossRate } from '../cross-rate.js';
import type { MappedDatedRate } from './map-salesforce-dated-rate.js';

export type PlannedRate = { code: string; validFrom: string; rate: string };

export type DatedRatePlan = {
  /** Rates into the organisation's corporate currency, each from its start day, by code and day. */
  rates: PlannedRate[];
  /** Currencies whose rates came from dated rows (their CurrencyType rate is then not used). */
  datedCodes: Set<string>;
  notes: string[];
};

/**
 * Turns DatedConversionRate rows into Candor rates. A dated row says how many units of its currency
 * made one unit of the export's corporate currency from its start day; Candor's rate says how many
 * units of the organisation's corporate currency one unit is worth, so each rate is the cross rate
 * (see crossRate) against the corporate currency's own conversion on that day: its dated row in
 * force then, else its CurrencyType rate (`corporateConversion`). Rows of the corporate currency
 * itself only serve as that base. A row whose base is unknown is left out, with a note.
 *
 * Candor's rates have no end: a rate holds until the next one of its currency starts, which is what
 * Salesforce's contiguous ranges (StartDate to NextStartDate) say.
 */
export function planDatedRates(options: {
  rows: readonly MappedDatedRate[];
  corporate: string;
  corporateConversion: string | null;
}): DatedRatePlan {
  const { corporate } = options;
  const baseRows = options.rows
    .filter((r) => r.code === corporate)
    .sort((a, b) => a.startDay.localeCompare(b.startDay));
  const baseOn = (day: string): string | null =>
    baseRows.findLast((r) => r.startDay <= day)?.conversionRate ?? options.corporateConversion;
  const rates: PlannedRate[] = [];
  const datedCodes = new Set<string>();
  const unbased = new Set<string>();
  for (const row of options.rows) {
    if (row.code === corporate) continue;
    const base = baseOn(row.startDay);
    const rate = base === null ? null : crossRate(base, row.conversionRate);
    if (rate === null) {
      unbased.add(row.code);
      continue;
    }
    datedCodes.add(row.code);
    rates.push({ code: row.code, validFrom: row.startDay, rate });
  }
  rates.sort((a, b) => a.code.localeCompare(b.code) || a.validFrom.localeCompare(b.validFrom));
  const notes =
    unbased.size === 0
      ? []
      : [
          `dated rates of ${[...unbased].sort().join(', ')} not all imported: neither DatedConversionRate ` +
            `nor CurrencyType gives the corporate currency ${corporate} a rate on their start days`,
        ];
  return { rates, datedCodes, notes };
}
