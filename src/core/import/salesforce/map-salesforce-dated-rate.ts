import type { CsvRow } from '../csv-row.js';
import { RowReader } from '../row-reader.js';
import type { RowProblem } from '../row-problem.js';

/**
 * A DatedConversionRate row (Salesforce advanced currency management): from `StartDate` until
 * `NextStartDate`, `ConversionRate` units of `IsoCode` made one unit of the corporate currency.
 * Salesforce starts a currency's first range at 0001-01-01 and ends its last at 9999-12-31.
 */
export type MappedDatedRate = {
  code: string;
  /** Units of this currency per unit of the export's corporate currency, as written. */
  conversionRate: string;
  startDay: string;
  /** The first day of the next range, when the export says. */
  nextStartDay: string | null;
};

export function mapSalesforceDatedRate(row: CsvRow): {
  value: MappedDatedRate | null;
  problems: RowProblem[];
} {
  const read = new RowReader(row, 'UTC');
  const code = read.required('IsoCode')?.toUpperCase() ?? null;
  if (code !== null && !/^[A-Z]{3}$/.test(code))
    read.problem('IsoCode', code, 'expected an ISO 4217 code such as EUR');
  const rate = read.required('ConversionRate');
  if (rate !== null && !/^\d+(\.\d+)?$/.test(rate))
    read.problem('ConversionRate', rate, 'expected a positive decimal number');
  else if (rate !== null && !/[1-9]/.test(rate))
    read.problem('ConversionRate', rate, 'a conversion rate cannot be zero');
  const startDay = read.day('StartDate');
  if (startDay === null && read.problems.every((p) => p.column !== 'StartDate'))
    read.problem('StartDate', read.raw('StartDate') ?? '', 'a start date is required');
  const nextStartDay = read.day('NextStartDate');
  if (startDay !== null && nextStartDay !== null && nextStartDay <= startDay) {
    read.problem(
      'NextStartDate',
      read.raw('NextStartDate') ?? '',
      `the next range must start after this one (StartDate ${startDay})`,
    );
  }
  if (!code || !rate || !startDay || read.problems.length > 0)
    return { value: null, problems: read.problems };
  return { value: { code, conversionRate: rate, startDay, nextStartDay }, problems: [] };
}
