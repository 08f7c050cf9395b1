import { createCsvHeader, type CsvRow } from './csv-row.js';

/** A row of a file with these columns, for the mapping tests. */
export function csvRow(columns: readonly string[], values: readonly string[], line = 2): CsvRow {
  const header = createCsvHeader('test.csv', {
    line: 1,
    fields: [...columns],
    byteStart: 0,
    byteEnd: 0,
    problem: null,
  });
  return { line, fields: [...values], byteStart: 0, byteEnd: 0, problem: null, header };
}
