import { dayInZone } from '../../../core/fiscal-calendar.js';
import { crossRate } from '../../../core/import/cross-rate.js';
import {
  mapSalesforceCurrency,
  mapSalesforceFiscalYear,
  type FiscalYearFacts,
  type MappedCurrency,
} from '../../../core/import/salesforce/map-salesforce-settings.js';
import type { ImportBatch } from '../import-batch.js';
import type { ImportOrganisation, OrganisationProposal } from '../import-organisation.js';
import { readBatchRows } from '../for-each-row.js';
import type { SalesforceObject } from '../open-salesforce-export.js';

export type SalesforceSettings = {
  currencies: MappedCurrency[];
  fiscal: (FiscalYearFacts & { startDate: string }) | null;
};

/** Reads CurrencyType and the fiscal year (FiscalYearSettings, else Period rows of type Year). */
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
  return { currencies, fiscal };
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
 * applies from the day CurrencyType says it was set, else from the import's day.
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
  if (settings.currencies.length === 0) return;
  const base = settings.currencies.find((c) => c.code === corporate);
  if (!base) {
    batch.notes.push(
      `exchange rates not imported: CurrencyType has no row for the corporate currency ${corporate}`,
    );
    return;
  }
  for (const currency of settings.currencies) {
    if (currency.code === corporate) continue;
    const rate = crossRate(base.conversionRate, currency.conversionRate);
    if (rate === null || org.latestRates.get(currency.code) === rate) continue;
    org.newRates.push({
      code: currency.code,
      validFrom: currency.modifiedDay ?? dayInZone(batch.recordedTime, org.settings.timeZone),
      rate,
    });
  }
}
