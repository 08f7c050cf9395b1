import { parseForecastCategory, type ForecastCategory } from '../../forecast-category.js';
import type { Stage } from '../../stage.js';
import type { CsvRow } from '../csv-row.js';
import { parseImportDay, parseImportInstant } from '../parse-import-time.js';
import {
  parseImportAmount,
  parseImportFlag,
  parseProbability,
  type ImportAmount,
} from '../parse-import-values.js';
import { RowReader } from '../row-reader.js';
import type { MappingFile } from './mapping-file.js';
import { readMappedValue, specColumn, type MappingLookups } from './read-mapped-value.js';

/** What reading a row through a mapping needs to know. */
export type MappingContext = {
  mapping: MappingFile;
  timeZone: string;
  lookups: MappingLookups;
  /** Stages the organisation knows, with those the mapping declares. */
  stages: ReadonlyMap<string, Stage>;
  corporateCurrency: string;
  currencyDecimals: (code: string) => number;
};

/** Reads the mapped fields of one row as typed values, gathering every problem. */
export class MappedRowReader {
  readonly read: RowReader;

  constructor(
    row: CsvRow,
    readonly context: MappingContext,
  ) {
    this.read = new RowReader(row, context.timeZone);
  }

  get problems() {
    return this.read.problems;
  }

  has(key: string): boolean {
    return this.context.mapping.fields[key] !== undefined;
  }

  /** Trimmed text (free text such as notes keeps its line breaks with `keepText`). */
  text(key: string, options: { required?: boolean; keepText?: boolean } = {}): string | null {
    const spec = this.context.mapping.fields[key];
    const value = readMappedValue(this.read, spec, this.context.lookups, options);
    if (value === null && options.required && spec && this.read.problems.length === 0) {
      this.read.problem(specColumn(spec), '', `${key} is required`);
    }
    return value;
  }

  instant(key: string, required = false): Date | null {
    const value = this.text(key, { required });
    if (value === null) return null;
    const format = this.context.mapping.fields[key]?.format;
    return this.take(key, value, parseImportInstant(value, { timeZone: this.context.timeZone, format }));
  }

  day(key: string): string | null {
    const value = this.text(key);
    if (value === null) return null;
    return this.take(key, value, parseImportDay(value, this.context.mapping.fields[key]?.format));
  }

  amount(key: string, decimals: number): ImportAmount {
    const value = this.text(key);
    if (value === null) return { minor: null, input: null };
    return this.take(key, value, parseImportAmount(value, decimals)) ?? { minor: null, input: null };
  }

  probability(key: string): number | null {
    const value = this.text(key);
    return value === null ? null : this.take(key, value, parseProbability(value, false));
  }

  flag(key: string): boolean | null {
    const value = this.text(key);
    return value === null ? null : this.take(key, value, parseImportFlag(value));
  }

  category(key: string): ForecastCategory | null {
    const value = this.text(key);
    if (value === null) return null;
    const category = parseForecastCategory(value);
    if (!category)
      this.problem(
        key,
        value,
        'expected a forecast category: Pipeline, Best Case, Commit, Closed or Omitted',
      );
    return category;
  }

  /** A stage the organisation knows or the mapping declares. */
  stage(key: string, required: boolean): string | null {
    const value = this.text(key, { required });
    if (value !== null && !this.context.stages.has(value)) {
      this.problem(
        key,
        value,
        `unknown stage '${value}': map it to a known stage, or declare it in the mapping's stages`,
      );
      return null;
    }
    return value;
  }

  currency(key: string): string {
    const value = this.text(key)?.toUpperCase() ?? this.context.corporateCurrency;
    if (!/^[A-Z]{3}$/.test(value)) this.problem(key, value, 'expected an ISO 4217 code such as USD');
    return value;
  }

  /** The `fields.<key>` entries: supporting information, text kept as written. */
  customFields(): Record<string, string> {
    const fields: Record<string, string> = {};
    for (const key of Object.keys(this.context.mapping.fields)) {
      if (!key.startsWith('fields.')) continue;
      const value = this.text(key, { keepText: true });
      if (value !== null) fields[key.slice('fields.'.length)] = value;
    }
    return fields;
  }

  problem(key: string, value: string, reason: string): void {
    const spec = this.context.mapping.fields[key];
    this.read.problem(spec ? specColumn(spec) : key, value, reason);
  }

  private take<T>(
    key: string,
    value: string,
    outcome: { ok: true; value: T } | { ok: false; reason: string },
  ): T | null {
    if (outcome.ok) return outcome.value;
    this.problem(key, value, outcome.reason);
    return null;
  }
}
