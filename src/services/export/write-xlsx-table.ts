import { once } from 'node:events';
import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { formatXlsxCell } from '../../core/export/format-table-cell.js';
import type { ColumnKind, TableColumn } from '../../core/export/table-column.js';

const defaultWidths: Record<ColumnKind, number> = {
  text: 24,
  decimal: 16,
  integer: 10,
  number: 10,
  percent: 10,
  day: 12,
  instant: 20,
};

/**
 * An XLSX workbook of one worksheet, written by exceljs's streaming writer: each row is committed
 * (turned into XML and handed to the zip stream) as soon as it is added, and the writer waits for
 * the reader to drain the output between pages, so memory stays at about a page of rows.
 */
export function writeXlsxTable<Row>(options: {
  columns: readonly TableColumn<Row>[];
  pages: AsyncIterable<readonly Row[]>;
  sheetName: string;
}): Readable {
  const { columns, pages } = options;
  const output = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet(worksheetName(options.sheetName), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = columns.map((column) => ({
    header: column.header,
    width: column.width ?? defaultWidths[column.kind],
  }));
  sheet.getRow(1).font = { bold: true };
  const write = async (): Promise<void> => {
    for await (const page of pages) {
      // The reader went away (a download cancelled): stop reading pages.
      if (output.destroyed) return;
      for (const row of page) {
        const cells = columns.map((column) => formatXlsxCell(column.kind, column.value(row)));
        const added = sheet.addRow(cells.map((cell) => cell.value));
        cells.forEach((cell, index) => {
          if (cell.numFmt !== null) added.getCell(index + 1).numFmt = cell.numFmt;
        });
        added.commit();
      }
      if (output.writableNeedDrain) await Promise.race([once(output, 'drain'), once(output, 'close')]);
    }
    sheet.commit();
    await workbook.commit();
  };
  write().catch((error: unknown) =>
    output.destroy(error instanceof Error ? error : new Error(String(error))),
  );
  return output;
}

/** Excel refuses sheet names over 31 characters or with any of : \ / ? * [ ]. */
function worksheetName(name: string): string {
  return name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31) || 'Sheet1';
}
