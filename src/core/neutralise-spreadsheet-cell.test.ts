import { describe, expect, it } from 'vitest';
import { neutraliseSpreadsheetCell } from './neutralise-spreadsheet-cell.js';

describe('neutraliseSpreadsheetCell', () => {
  it('puts a single quote before a value that a spreadsheet would run as a formula', () => {
    expect(neutraliseSpreadsheetCell('=HYPERLINK("http://evil.test","x")')).toBe(
      `'=HYPERLINK("http://evil.test","x")`,
    );
    expect(neutraliseSpreadsheetCell('+1 555 0100')).toBe(`'+1 555 0100`);
    expect(neutraliseSpreadsheetCell('-2+3')).toBe(`'-2+3`);
    expect(neutraliseSpreadsheetCell('@SUM(A1:A9)')).toBe(`'@SUM(A1:A9)`);
    expect(neutraliseSpreadsheetCell('\t=1+1')).toBe(`'\t=1+1`);
    expect(neutraliseSpreadsheetCell('\r=1+1')).toBe(`'\r=1+1`);
    expect(neutraliseSpreadsheetCell('\0=1+1')).toBe(`'\0=1+1`);
  });

  it('leaves other text alone, including triggers further in and an empty value', () => {
    expect(neutraliseSpreadsheetCell('Acme renewal')).toBe('Acme renewal');
    expect(neutraliseSpreadsheetCell('a=b')).toBe('a=b');
    expect(neutraliseSpreadsheetCell(' =1+1')).toBe(' =1+1');
    expect(neutraliseSpreadsheetCell("'quoted")).toBe("'quoted");
    expect(neutraliseSpreadsheetCell('')).toBe('');
  });
});
