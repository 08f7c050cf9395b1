import { parseForecastCategory, type ForecastCategory } from '../forecast-category.js';
import { cell, type CsvRow } from './csv-row.js';
import { parseImportDay, parseImportInstant } from './parse-import-time.js';
import {
  parseImportAmount,
  parseImportFlag,
  parseProbability,
  type ImportAmount,
} from './parse-import-values.js';
import type { RowProblem, ValueOutcome } from './row-problem.js';

/**
 * Reads typed values out of one row and gathers every problem on the way, so one pass reports all
 * of a row's bad values (not only the first).
 */
export class RowReader {
  readonly problems: RowProblem[] = [];

  constructor(
    readonly row: CsvRow,
    readonly timeZone: string,
  ) {}

  /** The value as written (multi-line and HTML text intact); null when the column is missing. */
  raw(column: string): string | null {
    return cell(this.row, column) ?? null;
  }

  /** The trimmed value; null when blank or when the column is missing. */
  text(column: string): string | null {
    const value = cell(this.row, column)?.trim();
    return value ? value : null;
  }

  /** A required value: blank or missing is a problem. */
  required(column: string): string | null {
    const value = this.text(column);
    if (value === null) this.problem(column, '', 'a value is required');
    return value;
  }

  instant(column: string, options: { required?: boolean; format?: string | undefined } = {}): Date | null {
    const value = cell(this.row, column);
    if (value === undefined || value.trim() === '') {
      if (options.required) this.problem(column, value ?? '', 'a date and time is required');
      return null;
    }
    return this.take(
      column,
      value,
      parseImportInstant(value, { timeZone: this.timeZone, format: options.format }),
    );
  }

  day(column: string, format?: string): string | null {
    const value = cell(this.row, column);
    if (value === undefined || value.trim() === '') return null;
    return this.take(column, value, parseImportDay(value, format));
  }

  amount(column: string, decimals: number): ImportAmount {
    const value = cell(this.row, column);
    if (value === undefined) return { minor: null, input: null };
    return this.take(column, value, parseImportAmount(value, decimals)) ?? { minor: null, input: null };
  }

  probability(column: string, percent: boolean): number | null {
    const value = cell(this.row, column);
    if (value === undefined) return null;
    return this.take(column, value, parseProbability(value, percent));
  }

  flag(column: string): boolean | null {
    const value = cell(this.row, column);
    if (value === undefined) return null;
    return this.take(column, value, parseImportFlag(value));
  }

  category(column: string): ForecastCategory | null {
    const value = this.text(column);
    if (value === null) return null;
    const category = parseForecastCategory(value);
    if (!category) {
      this.problem(
        column,
        value,
        'expected a forecast category: Pipeline, Best Case, Commit, Closed or Omitted',
      );
    }
    return category;
  }

  problem(column: string | null, value: string, reason: string): void {
    this.problems.push({ column, value, reason });
  }

  take<T>(column: string, value: string, outcome: ValueOutcome<T>): T | null {
    if (outcome.ok) return outcome.value;
    this.problem(column, value, outcome.reason);
    return null;
  }
}
