import type { CsvRow } from '../csv-row.js';
import { RowReader } from '../row-reader.js';
import type { RowProblem } from '../row-problem.js';

type Mapped<T> = { value: T | null; problems: RowProblem[] };

export type MappedCurrency = {
  code: string;
  decimals: number;
  /** Units of this currency per unit of the file's corporate currency, as written. */
  conversionRate: string;
  isCorporate: boolean;
  /** The day the rate was last set, when the export says. */
  modifiedDay: string | null;
};

/** A CurrencyType row. */
export function mapSalesforceCurrency(row: CsvRow): Mapped<MappedCurrency> {
  const read = new RowReader(row, 'UTC');
  const code = read.required('IsoCode')?.toUpperCase() ?? null;
  if (code !== null && !/^[A-Z]{3}$/.test(code))
    read.problem('IsoCode', code, 'expected an ISO 4217 code such as EUR');
  const rate = read.required('ConversionRate');
  if (rate !== null && !/^\d+(\.\d+)?$/.test(rate))
    read.problem('ConversionRate', rate, 'expected a positive decimal number');
  const places = read.text('DecimalPlaces');
  if (places !== null && !/^[0-4]$/.test(places)) read.problem('DecimalPlaces', places, 'expected 0 to 4');
  const isCorporate = read.flag('IsCorporate') ?? false;
  const modifiedDay = read.day('LastModifiedDate');
  if (!code || !rate || read.problems.length > 0) return { value: null, problems: read.problems };
  return {
    value: {
      code,
      decimals: places === null ? 2 : Number(places),
      conversionRate: rate,
      isCorporate,
      modifiedDay,
    },
    problems: [],
  };
}

export type FiscalYearFacts = {
  startMonth: number;
  namedBy: 'start' | 'end' | null;
  weekStartDay: number | null;
};

/**
 * A FiscalYearSettings row (or a Period row of type Year): the month the fiscal year starts, whether
 * it is named by the calendar year it starts or ends in (when its Name is a year), and Salesforce's
 * WeekStartDay (1 = Sunday) as an ISO weekday (7 = Sunday).
 */
export function mapSalesforceFiscalYear(row: CsvRow): Mapped<FiscalYearFacts & { startDate: string }> {
  const read = new RowReader(row, 'UTC');
  const type = read.text('Type');
  if (type !== null && type.toLowerCase() !== 'year') return { value: null, problems: [] };
  const startDate = read.day('StartDate');
  const endDate = read.day('EndDate');
  if (!startDate) {
    if (read.problems.length === 0) read.problem('StartDate', '', 'a start date is required');
    return { value: null, problems: read.problems };
  }
  const name = read.text('Name') ?? '';
  const named = /^(?:FY\s*)?(\d{4})$/i.exec(name)?.[1] ?? null;
  const namedBy =
    named === null
      ? null
      : named === startDate.slice(0, 4)
        ? 'start'
        : endDate?.startsWith(named)
          ? 'end'
          : null;
  const weekStart = read.text('WeekStartDay');
  const sfDay = weekStart !== null && /^[1-7]$/.test(weekStart) ? Number(weekStart) : null;
  return {
    value: {
      startDate,
      startMonth: Number(startDate.slice(5, 7)),
      namedBy,
      weekStartDay: sfDay === null ? null : sfDay === 1 ? 7 : sfDay - 1,
    },
    problems: read.problems,
  };
}
