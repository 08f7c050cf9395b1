import { neutraliseSpreadsheetCell } from '../neutralise-spreadsheet-cell.js';
import type { CellValue, ColumnKind } from './table-column.js';

const decimalPattern = /^(-?)(\d+)(?:\.(\d+))?$/;
const dayPattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const instantPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

/**
 * Excel keeps 15 significant digits: an amount with more would be shown and summed rounded, so it
 * is written as text instead (2^53, a double's exact-integer limit, is 16 digits and too many).
 */
export const maxExactSpreadsheetDigits = 15;

/**
 * A cell of a CSV download. Text is neutralised (a leading = + - @ tab, CR or NUL gets a quote);
 * a value of a typed column is written as it is only when it really has that type — a validated
 * decimal such as `-12.50` is data, not a formula — and is otherwise treated as text.
 */
export function formatCsvCell(kind: ColumnKind, value: CellValue): string {
  if (value === null) return '';
  const typed = typedText(kind, value);
  return typed ?? neutraliseSpreadsheetCell(String(value));
}

/** A cell of an XLSX download: a string, a number or a date, with a number format when it needs one. */
export type XlsxCell = { value: string | number | Date | null; numFmt: string | null };

/**
 * A cell of an XLSX download. Amounts become numbers, formatted with as many decimals as they are
 * written with (the currency's), when Excel can hold them exactly (at most 15 significant digits);
 * longer ones stay exact as text. Days and instants become dates (instants in UTC), counts numbers,
 * and text is neutralised as in CSV, although a string cell of an XLSX file is never a formula:
 * so that the two formats show the same text and a copy pasted elsewhere stays inert.
 */
export function formatXlsxCell(kind: ColumnKind, value: CellValue): XlsxCell {
  const text: XlsxCell = {
    value: value === null ? null : neutraliseSpreadsheetCell(String(value)),
    numFmt: null,
  };
  if (value === null) return text;
  const typed = typedText(kind, value);
  if (typed === null) return text;
  switch (kind) {
    case 'text':
      return text;
    case 'integer':
      return { value: Number(typed), numFmt: '0' };
    case 'number':
      return { value: Number(typed), numFmt: '0.##' };
    case 'percent':
      return { value: Number(typed), numFmt: '0.0%' };
    case 'decimal': {
      const [, , whole = '', fraction = ''] = decimalPattern.exec(typed) ?? [];
      const digits = `${whole}${fraction}`.replace(/^0+/, '');
      if (digits.length > maxExactSpreadsheetDigits) return { value: typed, numFmt: null };
      return {
        value: Number(typed),
        numFmt: fraction === '' ? '#,##0' : `#,##0.${'0'.repeat(fraction.length)}`,
      };
    }
    case 'day':
      return { value: new Date(`${typed}T00:00:00Z`), numFmt: 'yyyy-mm-dd' };
    case 'instant':
      return { value: new Date(typed), numFmt: 'yyyy-mm-dd hh:mm:ss' };
  }
}

/** The value as text when it has the column's type, else null (then it is written as neutralised text). */
function typedText(kind: ColumnKind, value: string | number): string | null {
  switch (kind) {
    case 'text':
      return null;
    case 'integer':
      return typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : null;
    case 'number':
    case 'percent':
      return typeof value === 'number' && Number.isFinite(value) ? String(value) : null;
    case 'decimal':
      return typeof value === 'string' && decimalPattern.test(value) ? value : null;
    case 'day':
      return typeof value === 'string' && isRealDay(value) ? value : null;
    case 'instant':
      return typeof value === 'string' && instantPattern.test(value) && !Number.isNaN(Date.parse(value))
        ? value
        : null;
  }
}

function isRealDay(text: string): boolean {
  const match = dayPattern.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
