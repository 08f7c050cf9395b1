import type { Readable } from 'node:stream';
import type { TableColumn } from '../../core/export/table-column.js';
import { tableContentTypes, writeTable, type TableFormat } from './write-table.js';

/** A file to download: its name, media type and the stream of its bytes. */
export type TableDownload = { fileName: string; contentType: string; body: Readable };

/**
 * A list already read (a report's rows, a few thousand at most) as a CSV or XLSX download. Lists
 * that can hold every deal of the organisation page their reads instead (see
 * export-opportunities.ts).
 *
 * `name` is what the file holds (`scorecards-2026-Q2`); it is made safe for every file system and
 * given the format's extension.
 */
export function tableDownload<Row>(options: {
  name: string;
  format: TableFormat;
  sheetName: string;
  columns: readonly TableColumn<Row>[];
  rows: readonly Row[];
}): TableDownload {
  const { format, sheetName, columns, rows } = options;
  return {
    fileName: `${safeFileName(options.name)}.${format}`,
    contentType: tableContentTypes[format],
    body: writeTable({ format, columns, pages: onePage(rows), sheetName }),
  };
}

/** Letters, digits, `-`, `_` and `.` kept; anything else (colons of times, slashes) becomes `-`. */
export function safeFileName(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'export';
}

async function* onePage<T>(rows: readonly T[]): AsyncIterable<readonly T[]> {
  yield rows;
}
