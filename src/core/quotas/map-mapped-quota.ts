import { parsePeriod, periodContaining, type FiscalCalendar } from '../fiscal-calendar.js';
import type { CsvRow } from '../import/csv-row.js';
import { MappedRowReader, type MappingContext } from '../import/mapping/mapped-row-reader.js';
import type { RowProblem } from '../import/row-problem.js';
import { isQuotaPeriod, type QuotaSubjectType } from './quota.js';

export type MappedQuota = {
  subjectType: QuotaSubjectType;
  subjectId: string;
  period: string;
  amountMinor: bigint;
  currency: string;
  /** The row's own id, when the mapping gives one. */
  rowId: string | null;
  modifiedAt: Date | null;
};

/**
 * A quota row. The subject is a person (`ownerId`) or a team (`teamId`), matched by id (with the
 * spec's `prefix`) or by name (`lookup`). The period is named (`period`: `2026-Q3`, `2026-03`) or
 * is the one containing a date (`periodDate`), a fiscal quarter unless `periodKind` says month:
 * AdventureWorks dates its quarterly quotas by a day inside the quarter.
 */
export function mapMappedQuota(
  row: CsvRow,
  context: MappingContext,
  calendar: FiscalCalendar,
): { value: MappedQuota | null; problems: RowProblem[] } {
  const read = new MappedRowReader(row, context);
  const subjectType: QuotaSubjectType = read.has('teamId') ? 'team' : 'user';
  const subjectKey = subjectType === 'team' ? 'teamId' : 'ownerId';
  const subjectId = read.text(subjectKey, { required: true });
  const period = readPeriod(read, calendar);
  const currency = read.currency('currency');
  const amount = read.amount('amount', context.currencyDecimals(currency));
  if (amount.minor === null && read.problems.length === 0)
    read.problem('amount', '', 'a quota needs an amount');
  if (amount.minor !== null && amount.minor < 0n)
    read.problem('amount', amount.input ?? '', 'a quota cannot be negative');
  const rowId = read.text('id');
  const modifiedAt = read.instant('modifiedAt');
  if (read.problems.length > 0 || !subjectId || !period || amount.minor === null) {
    return { value: null, problems: read.problems };
  }
  return {
    value: { subjectType, subjectId, period, amountMinor: amount.minor, currency, rowId, modifiedAt },
    problems: [],
  };
}

function readPeriod(read: MappedRowReader, calendar: FiscalCalendar): string | null {
  if (read.has('period')) {
    const text = read.text('period', { required: true })?.toUpperCase() ?? null;
    if (text === null) return null;
    if (!isQuotaPeriod(text)) {
      read.problem('period', text, 'expected a fiscal quarter (2026-Q3) or a month (2026-03)');
      return null;
    }
    return formatCanonical(text);
  }
  const day = read.day('periodDate');
  if (day === null) {
    if (read.problems.length === 0) read.problem('periodDate', '', 'periodDate is required');
    return null;
  }
  const kind = read.text('periodKind')?.toLowerCase() ?? 'quarter';
  if (kind !== 'quarter' && kind !== 'month') {
    read.problem('periodKind', kind, 'expected quarter or month');
    return null;
  }
  return periodContaining(calendar, day, kind);
}

/** `2026-q3` and ` 2026-Q3` name the same period. */
function formatCanonical(text: string): string {
  const period = parsePeriod(text.toUpperCase());
  return period.kind === 'quarter'
    ? `${period.year}-Q${period.index}`
    : `${period.year}-${String(period.index).padStart(2, '0')}`;
}
