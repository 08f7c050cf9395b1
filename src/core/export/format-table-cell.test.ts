import { describe, expect, it } from 'vitest';
import { formatCsvCell, formatXlsxCell } from './format-table-cell.js';

describe('formatCsvCell', () => {
  it('neutralises text that a spreadsheet would run, but not a negative amount, which is data', () => {
    expect(formatCsvCell('text', '=1+2')).toBe(`'=1+2`);
    expect(formatCsvCell('text', '-12.50')).toBe(`'-12.50`);
    expect(formatCsvCell('decimal', '-12.50')).toBe('-12.50');
    expect(formatCsvCell('decimal', '123456789012345678.99')).toBe('123456789012345678.99');
  });

  it('writes a typed value that is not of its type as neutralised text', () => {
    expect(formatCsvCell('decimal', '-1+1')).toBe(`'-1+1`);
    expect(formatCsvCell('decimal', '=SUM(A1)')).toBe(`'=SUM(A1)`);
    expect(formatCsvCell('day', '2026-02-30')).toBe('2026-02-30');
    expect(formatCsvCell('day', '-2026-02-01')).toBe(`'-2026-02-01`);
    expect(formatCsvCell('integer', 2.5)).toBe('2.5');
    expect(formatCsvCell('instant', '+2026-01-01T00:00:00Z')).toBe(`'+2026-01-01T00:00:00Z`);
  });

  it('keeps days, instants and counts as they are, and null as an empty cell', () => {
    expect(formatCsvCell('day', '2026-03-31')).toBe('2026-03-31');
    expect(formatCsvCell('instant', '2026-01-05T10:00:00.000Z')).toBe('2026-01-05T10:00:00.000Z');
    expect(formatCsvCell('integer', -3)).toBe('-3');
    expect(formatCsvCell('text', null)).toBe('');
  });
});

describe('formatXlsxCell', () => {
  it('writes amounts as numbers with the decimals they are given in', () => {
    expect(formatXlsxCell('decimal', '-12.50')).toEqual({ value: -12.5, numFmt: '#,##0.00' });
    expect(formatXlsxCell('decimal', '1500000')).toEqual({ value: 1_500_000, numFmt: '#,##0' });
    expect(formatXlsxCell('decimal', '0.125')).toEqual({ value: 0.125, numFmt: '#,##0.000' });
  });

  it('keeps an amount Excel cannot hold exactly (more than 15 significant digits) as exact text', () => {
    expect(formatXlsxCell('decimal', '9999999999999.99')).toEqual({
      value: 9_999_999_999_999.99,
      numFmt: '#,##0.00',
    });
    expect(formatXlsxCell('decimal', '99999999999999.99')).toEqual({
      value: '99999999999999.99',
      numFmt: null,
    });
    expect(formatXlsxCell('decimal', '-90071992547409.93')).toEqual({
      value: '-90071992547409.93',
      numFmt: null,
    });
  });

  it('writes days and instants as dates in UTC, and neutralises text', () => {
    expect(formatXlsxCell('day', '2026-03-31')).toEqual({
      value: new Date('2026-03-31T00:00:00Z'),
      numFmt: 'yyyy-mm-dd',
    });
    expect(formatXlsxCell('instant', '2026-01-05T10:00:00.000Z')).toEqual({
      value: new Date('2026-01-05T10:00:00.000Z'),
      numFmt: 'yyyy-mm-dd hh:mm:ss',
    });
    expect(formatXlsxCell('text', '@cmd')).toEqual({ value: `'@cmd`, numFmt: null });
    expect(formatXlsxCell('decimal', '=1')).toEqual({ value: `'=1`, numFmt: null });
    expect(formatXlsxCell('integer', 4)).toEqual({ value: 4, numFmt: '0' });
    expect(formatXlsxCell('day', null)).toEqual({ value: null, numFmt: null });
  });

  it('writes measured figures and shares as numbers, and anything else in their columns as text', () => {
    expect(formatXlsxCell('number', 12.25)).toEqual({ value: 12.25, numFmt: '0.##' });
    expect(formatXlsxCell('percent', 0.855)).toEqual({ value: 0.855, numFmt: '0.0%' });
    expect(formatCsvCell('percent', 0.855)).toBe('0.855');
    expect(formatCsvCell('number', Number.NaN)).toBe('NaN');
    expect(formatXlsxCell('number', Number.POSITIVE_INFINITY)).toEqual({ value: 'Infinity', numFmt: null });
    expect(formatCsvCell('number', '-1+1')).toBe(`'-1+1`);
  });
});
