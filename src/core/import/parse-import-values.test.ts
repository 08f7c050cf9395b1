import { describe, expect, it } from 'vitest';
import { crossRate } from './cross-rate.js';
import { parseImportAmount, parseImportFlag, parseProbability } from './parse-import-values.js';

describe('parseImportAmount', () => {
  it('reads blank as no amount and zero as zero', () => {
    expect(parseImportAmount('', 2)).toEqual({ ok: true, value: { minor: null, input: null } });
    expect(parseImportAmount('0', 2)).toEqual({ ok: true, value: { minor: 0n, input: null } });
  });

  it('rounds extra decimals half away from zero and keeps the text it rounded', () => {
    expect(parseImportAmount('9225.225', 2)).toEqual({
      ok: true,
      value: { minor: 922523n, input: '9225.225' },
    });
    expect(parseImportAmount('1500000', 0)).toEqual({ ok: true, value: { minor: 1500000n, input: null } });
    expect(parseImportAmount('10.50', 2)).toEqual({ ok: true, value: { minor: 1050n, input: null } });
  });

  it('refuses text that is not a number', () => {
    expect(parseImportAmount('12x34', 2)).toEqual({
      ok: false,
      reason: 'expected a decimal number such as 1234.50',
    });
  });
});

describe('parseProbability and parseImportFlag', () => {
  it('reads percent and fractions', () => {
    expect(parseProbability('10', true)).toEqual({ ok: true, value: 0.1 });
    expect(parseProbability('0.4', false)).toEqual({ ok: true, value: 0.4 });
    expect(parseProbability('40%', false)).toEqual({ ok: true, value: 0.4 });
    expect(parseProbability('75', false)).toEqual({ ok: true, value: 0.75 });
    expect(parseProbability('', true)).toEqual({ ok: true, value: null });
    expect(parseProbability('140', true).ok).toBe(false);
  });

  it('reads flags as exports write them', () => {
    expect(parseImportFlag('1')).toEqual({ ok: true, value: true });
    expect(parseImportFlag('FALSE')).toEqual({ ok: true, value: false });
    expect(parseImportFlag('')).toEqual({ ok: true, value: null });
    expect(parseImportFlag('maybe').ok).toBe(false);
  });
});

describe('crossRate', () => {
  it('inverts Salesforce conversion rates exactly, rounded to 18 places', () => {
    expect(crossRate('1', '0.8')).toBe('1.25');
    expect(crossRate('1', '1.25')).toBe('0.8');
    expect(crossRate('1', '3')).toBe('0.333333333333333333');
    expect(crossRate('1', '150')).toBe('0.006666666666666667');
  });

  it('rates into an organisation currency that is not the file’s corporate one', () => {
    // File corporate USD; EUR = 0.8 per USD, GBP = 0.7 per USD: one GBP is 0.8 / 0.7 EUR.
    expect(crossRate('0.8', '0.7')).toBe('1.142857142857142857');
  });

  it('gives null for rates that are not positive decimals', () => {
    expect(crossRate('1', '0')).toBeNull();
    expect(crossRate('1', 'abc')).toBeNull();
  });
});
