import type { CsvRecord } from './csv-chunk-parser.js';

/** A file's header: column names and where each is, found without regard to case. */
export type CsvHeader = {
  file: string;
  columns: string[];
  /** Lower-cased column name → position (the first of duplicates wins). */
  index: Map<string, number>;
  line: number;
  byteStart: number;
  byteEnd: number;
};

/** One data record of a file, read against its header. */
export type CsvRow = CsvRecord & { header: CsvHeader };

export function createCsvHeader(file: string, record: CsvRecord): CsvHeader {
  const columns = record.fields.map((name) => name.replace(/^\uFEFF/, '').trim());
  const index = new Map<string, number>();
  columns.forEach((name, position) => {
    const key = name.toLowerCase();
    if (!index.has(key)) index.set(key, position);
  });
  return { file, columns, index, line: record.line, byteStart: record.byteStart, byteEnd: record.byteEnd };
}

export function hasColumn(header: CsvHeader, column: string): boolean {
  return header.index.has(column.toLowerCase());
}

/** The value in a column as written, or undefined when the file has no such column. */
export function cell(row: CsvRow, column: string): string | undefined {
  const position = row.header.index.get(column.toLowerCase());
  return position === undefined ? undefined : (row.fields[position] ?? '');
}

/** Why the record cannot be read at all (a broken quote, a wrong number of values), else null. */
export function recordShapeProblem(row: CsvRow): string | null {
  if (row.problem) return `the record is not valid CSV: ${row.problem}`;
  const expected = row.header.columns.length;
  if (row.fields.length !== expected) {
    return `expected ${expected} values as in the header, found ${row.fields.length}`;
  }
  return null;
}
