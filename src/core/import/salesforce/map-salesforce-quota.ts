import type { CsvRow } from '../csv-row.js';
import { RowReader } from '../row-reader.js';
import type { RowProblem } from '../row-problem.js';
import { salesforceId } from './salesforce-id.js';

/** A ForecastingQuota row: whose quota, from which day, how much, in which currency. */
export type SalesforceQuotaRow = {
  id: string;
  ownerId: string;
  /** StartDate: the first day of the forecast period (a month or a quarter). */
  startDate: string;
  amountMinor: bigint;
  currency: string;
  modifiedAt: Date | null;
};

/**
 * Reads one ForecastingQuota row. Rows that are not an overall revenue quota carry nothing Candor
 * keeps and are skipped without a problem: deleted rows, quantity quotas (`IsQuantity` = 1 or no
 * `QuotaAmount` but a `QuotaQuantity`), and quotas of one product family (`ProductFamily` set).
 * The currency is the row's `CurrencyIsoCode`, else the corporate currency.
 */
export function mapSalesforceQuota(
  row: CsvRow,
  options: { timeZone: string; corporateCurrency: string; currencyDecimals: (code: string) => number },
): { value: SalesforceQuotaRow | null; problems: RowProblem[] } {
  const read = new RowReader(row, options.timeZone);
  if (read.flag('IsDeleted') === true || read.flag('IsQuantity') === true)
    return { value: null, problems: [] };
  if (read.text('ProductFamily') !== null) return { value: null, problems: [] };
  if (read.text('QuotaAmount') === null && read.text('QuotaQuantity') !== null)
    return { value: null, problems: [] };
  const id = read.required('Id');
  const ownerId = salesforceId(read.text('QuotaOwnerId'));
  if (ownerId === null && read.problems.length === 0)
    read.problem('QuotaOwnerId', '', 'a quota needs its owner');
  const startDate = read.day('StartDate');
  if (startDate === null && read.problems.length === 0)
    read.problem('StartDate', '', 'a quota needs its start date');
  const currency = read.text('CurrencyIsoCode')?.toUpperCase() ?? options.corporateCurrency;
  if (!/^[A-Z]{3}$/.test(currency))
    read.problem('CurrencyIsoCode', currency, 'expected an ISO 4217 code such as USD');
  const amount = read.amount('QuotaAmount', options.currencyDecimals(currency));
  if (amount.minor === null && read.problems.length === 0)
    read.problem('QuotaAmount', '', 'a quota needs an amount');
  if (amount.minor !== null && amount.minor < 0n)
    read.problem('QuotaAmount', amount.input ?? '', 'a quota cannot be negative');
  const modifiedAt = read.instant('LastModifiedDate') ?? read.instant('SystemModstamp');
  if (read.problems.length > 0 || !id || !ownerId || !startDate || amount.minor === null) {
    return { value: null, problems: read.problems };
  }
  return { value: { id, ownerId, startDate, amountMinor: amount.minor, currency, modifiedAt }, problems: [] };
}
