import { dayInZone } from '../../../core/fiscal-calendar.js';
import { crossRate } from '../../../core/import/cross-rate.js';
import { defaultCurrencyDecimals } from '../../../core/import/currency-decimals.js';
import {
  mapSalesforceCurrency,
  mapSalesforceFiscalYear,
  type FiscalYearFacts,
  type MappedCurrency,
} from '../../../core/import/salesforce/map-salesforce-settings.js';
import {
  mapSalesforceDatedRate,
  type MappedDatedRate,
} from '../../../core/import/salesforce/map-salesforce-dated-rate.js';
import { planDatedRates } from '../../../core/import/salesforce/plan-dated-rates.js';
import type { ImportBatch } from '../import-batch.js';
import type { ImportOrganisation, OrganisationProposal } from '../import-organisation.js';
import { readBatchRows } from '../for-each-row.js';
import type { SalesforceObject } from '../open-salesforce-export.js';

export type SalesforceSettings = {
  currencies: MappedCurrency[];
  datedRates: MappedDatedRate[];
  fiscal: (FiscalYearFacts & { startDate: string }) | null;
};

/**
 * Reads CurrencyType, DatedConversionRate and the fiscal year (FiscalYearSettings, else Period rows
 * of type Year).
 */
export async function readSalesforceSettings(
  batch: ImportBatch,
  fileOf: Map<SalesforceObject, number>,
): Promise<SalesforceSettings> {
  const currencies: MappedCurrency[] = [];
  const currencyFile = fileOf.get('CurrencyType');
  if (currencyFile !== undefined) {
    for await (const row of readBatchRows(batch, currencyFile, {
      requiredColumns: ['IsoCode', 'ConversionRate'],
    })) {
      const mapped = mapSalesforceCurrency(row);
      if (mapped.value) currencies.push(mapped.value);
      else batch.reject(currencyFile, row, mapped.problems);
    }
  }
  const datedRates = await readDatedRates(batch, fileOf);
  let fiscal: SalesforceSettings['fiscal'] = null;
  for (const object of ['FiscalYearSettings', 'Period'] as const) {
    const fileIndex = fileOf.get(object);
    if (fileIndex === undefined || fiscal) continue;
    for await (const row of readBatchRows(batch, fileIndex, { requiredColumns: ['StartDate'] })) {
      const mapped = mapSalesforceFiscalYear(row);
      if (mapped.problems.length > 0) batch.reject(fileIndex, row, mapped.problems);
      // The latest fiscal year is the one in force.
      if (mapped.value && (!fiscal || mapped.value.startDate > fiscal.startDate)) fiscal = mapped.value;
    }
  }
  return { currencies, datedRates, fiscal };
}

/** DatedConversionRate rows; a second row for the same currency and start day is rejected. */
async function readDatedRates(
  batch: ImportBatch,
  fileOf: Map<SalesforceObject, number>,
): Promise<MappedDatedRate[]> {
  const fileIndex = fileOf.get('DatedConversionRate');
  if (fileIndex === undefined) return [];
  const rates: MappedDatedRate[] = [];
  const lineOf = new Map<string, number>();
  for await (const row of readBatchRows(batch, fileIndex, {
    requiredColumns: ['IsoCode', 'ConversionRate', 'StartDate'],
  })) {
    const mapped = mapSalesforceDatedRate(row);
    if (!mapped.value) {
      batch.reject(fileIndex, row, mapped.problems);
      continue;
    }
    const key = `${mapped.value.code} ${mapped.value.startDay}`;
    const first = lineOf.get(key);
    if (first !== undefined) {
      batch.reject(fileIndex, row, [
        {
          column: 'StartDate',
          value: mapped.value.startDay,
          reason: `line ${first} already gives ${mapped.value.code} a rate from this day`,
        },
      ]);
      continue;
    }
    lineOf.set(key, row.line);
    rates.push(mapped.value);
  }
  return rates;
}

/** What the settings propose for an organisation the import creates. */
export function proposeFromSettings(settings: SalesforceSettings): Partial<OrganisationProposal> {
  const corporate = settings.currencies.find((c) => c.isCorporate)?.code;
  return {
    ...(corporate ? { currency: corporate } : {}),
    ...(settings.fiscal
      ? {
          fiscalYearStartMonth: settings.fiscal.startMonth,
          fiscalYearNamedBy: settings.fiscal.namedBy ?? undefined,
          weekStartDay: settings.fiscal.weekStartDay ?? undefined,
        }
      : {}),
  };
}

/**
 * Adds the file's currencies the organisation lacks, and each currency's rate into the
 * organisation's corporate currency when it differs from the one in force (see crossRate). The rate
 * applies from the day CurrencyType says it was set, else from the import's day. A currency with
 * dated rates (DatedConversionRate) takes those instead: one rate per range, from its start day, so
 * a deal converts at the rate in force on its close date. Rates the ledger already holds (same
 * currency, day and value) are not recorded again.
 */
export function applySalesforceCurrencies(
  org: ImportOrganisation,
  batch: ImportBatch,
  settings: SalesforceSettings,
): void {
  const corporate = org.settings.corporateCurrency;
  for (const currency of settings.currencies) {
    const known = org.currencies.get(currency.code);
    if (!known && !org.newCurrencies.some((c) => c.code === currency.code)) {
      org.newCurrencies.push({ code: currency.code, decimals: currency.decimals });
    } else if (known && known.decimals !== currency.decimals) {
      batch.notes.push(
        `${currency.code} keeps ${known.decimals} decimal places; CurrencyType says ${currency.decimals}`,
      );
    }
  }
  for (const dated of settings.datedRates) {
    const known = org.currencies.has(dated.code) || org.newCurrencies.some((c) => c.code === dated.code);
    if (!known) org.newCurrencies.push({ code: dated.code, decimals: defaultCurrencyDecimals(dated.code) });
  }
  const base = settings.currencies.find((c) => c.code === corporate);
  const dated = planDatedRates({
    rows: settings.datedRates,
    corporate,
    corporateConversion: base?.conversionRate ?? null,
  });
  org.newRates.push(...dated.rates);
  batch.notes.push(...dated.notes);
  if (settings.currencies.length === 0) return;
  if (!base) {
    batch.notes.push(
      `exchange rates not imported: CurrencyType has no row for the corporate currency ${corporate}`,
    );
    return;
  }
  for (const currency of settings.currencies) {
    if (currency.code === corporate || dated.datedCodes.has(currency.code)) continue;
    const rate = crossRate(base.conversionRate, currency.conversionRate);
    if (rate === null || org.latestRates.get(currency.code) === rate) continue;
    org.newRates.push({
      code: currency.code,
      validFrom: currency.modifiedDay ?? dayInZone(batch.recordedTime, org.settings.timeZone),
      rate,
    });
  }
}
