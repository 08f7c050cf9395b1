import type { Readable } from 'node:stream';
import type { TableColumn } from '../../core/export/table-column.js';
import { writeCsvTable } from './write-csv-table.js';
import { writeXlsxTable } from './write-xlsx-table.js';

export const tableFormats = ['csv', 'xlsx'] as const;
export type TableFormat = (typeof tableFormats)[number];

export const tableContentTypes: Record<TableFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export type WriteTableOptions<Row> = {
  format: TableFormat;
  columns: readonly TableColumn<Row>[];
  /** The rows, a page at a time: only the page being written is held. */
  pages: AsyncIterable<readonly Row[]>;
  /** The worksheet's name in an XLSX file. */
  sheetName: string;
};

/**
 * Any list as a CSV or XLSX download, streamed: the file is produced as the consumer reads it, a
 * page of rows at a time, so a large export never holds more than one page (plus the compressor's
 * window for XLSX). Every text cell is neutralised against formula injection; see
 * src/core/export/format-table-cell.ts for how each kind of column is written.
 */
export function writeTable<Row>(options: WriteTableOptions<Row>): Readable {
  return options.format === 'csv' ? writeCsvTable(options) : writeXlsxTable(options);
}
