import { Readable } from 'node:stream';
import Papa from 'papaparse';
import { formatCsvCell } from '../../core/export/format-table-cell.js';
import type { TableColumn } from '../../core/export/table-column.js';
import { neutraliseSpreadsheetCell } from '../../core/neutralise-spreadsheet-cell.js';

const newline = '\r\n';
/**
 * A UTF-8 byte-order mark first: without it Excel reads a CSV in the machine's legacy code page and
 * shows "ZoÃ«" for "Zoë". Candor's own importer, papaparse and most tools skip it.
 */
const byteOrderMark = '\uFEFF';

/**
 * A CSV file (RFC 4180: CRLF line ends, fields quoted only when they need it) written by
 * papaparse's `unparse`, one page of rows at a time. papaparse's own `escapeFormulae` is left off:
 * it would also quote a negative amount, so neutralising is done per column instead.
 */
export function writeCsvTable<Row>(options: {
  columns: readonly TableColumn<Row>[];
  pages: AsyncIterable<readonly Row[]>;
}): Readable {
  const { columns, pages } = options;
  async function* chunks(): AsyncGenerator<string> {
    const header = columns.map((column) => neutraliseSpreadsheetCell(column.header));
    yield byteOrderMark + Papa.unparse([header], { newline }) + newline;
    for await (const page of pages) {
      if (page.length === 0) continue;
      const cells = page.map((row) => columns.map((column) => formatCsvCell(column.kind, column.value(row))));
      yield Papa.unparse(cells, { newline, header: false, escapeFormulae: false }) + newline;
    }
  }
  return Readable.from(chunks(), { objectMode: false });
}
