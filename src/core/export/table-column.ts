/**
 * How the values of a column are written to a CSV or XLSX download:
 * - `text`: free text, neutralised against formula injection;
 * - `decimal`: an exact decimal string (`-12.50`), a number in a spreadsheet;
 * - `integer`: a count;
 * - `number`: a measured figure that is not money (days, a ratio), a number in a spreadsheet;
 * - `percent`: a share as a fraction (0.85), shown as 85.0 % in a spreadsheet;
 * - `day`: `YYYY-MM-DD`;
 * - `instant`: an ISO-8601 time in UTC.
 */
export type ColumnKind = 'text' | 'decimal' | 'integer' | 'number' | 'percent' | 'day' | 'instant';

/** A cell's value as a row gives it; null is an empty cell. */
export type CellValue = string | number | null;

/**
 * One column of a table download: its header and how each row gives its value. Any list (deals,
 * import rejects, forecast calls) becomes a CSV or XLSX file from columns like these.
 */
export type TableColumn<Row> = {
  header: string;
  kind: ColumnKind;
  value: (row: Row) => CellValue;
  /** Width in characters in a spreadsheet; a default by kind when absent. */
  width?: number;
};
