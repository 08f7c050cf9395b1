import { describe, expect, it } from 'vitest';
import { convertMinor, divideRoundHalfAway, formatMinor, parseAmount, sumMinor } from './money.js';

describe('parseAmount', () => {
  it('reads plain decimals into minor units', () => {
    expect(parseAmount('243521.74', 2)).toEqual({ minor: 24352174n, rounded: false });
    expect(parseAmount('15000', 2)).toEqual({ minor: 1500000n, rounded: false });
    expect(parseAmount('0.5', 2)).toEqual({ minor: 50n, rounded: false });
  });

  it('rounds a third decimal half away from zero and says it did', () => {
    expect(parseAmount('9225.225', 2)).toEqual({ minor: 922523n, rounded: true });
    expect(parseAmount('9225.224', 2)).toEqual({ minor: 922522n, rounded: true });
    expect(parseAmount('-0.005', 2)).toEqual({ minor: -1n, rounded: true });
  });

  it('keeps trailing zeros beyond the minor unit without calling it rounding', () => {
    expect(parseAmount('10.500', 2)).toEqual({ minor: 1050n, rounded: false });
  });

  it('reads thousands separators, a currency sign and spreadsheet exponents', () => {
    expect(parseAmount('1,234,567.89', 2)?.minor).toBe(123456789n);
    expect(parseAmount('$1,200', 2)?.minor).toBe(120000n);
    expect(parseAmount('1.5E+4', 2)?.minor).toBe(1500000n);
    expect(parseAmount('2.5e-1', 2)?.minor).toBe(25n);
  });

  it('treats blank as no amount, and zero as zero', () => {
    expect(parseAmount('   ', 2)).toBeNull();
    expect(parseAmount('0', 2)).toEqual({ minor: 0n, rounded: false });
  });

  it('handles currencies without minor units', () => {
    expect(parseAmount('1500.4', 0)).toEqual({ minor: 1500n, rounded: true });
    expect(parseAmount('1500.5', 0)).toEqual({ minor: 1501n, rounded: true });
  });

  it('refuses text that is not a number, naming the value', () => {
    expect(() => parseAmount('12abc', 2)).toThrow("'12abc' is not an amount");
    expect(() => parseAmount('.', 2)).toThrow();
    expect(() => parseAmount('1.2.3', 2)).toThrow();
  });

  it('holds amounts past 2^53 exactly', () => {
    expect(parseAmount('123456789012345678.91', 2)?.minor).toBe(12345678901234567891n);
  });
});

describe('formatMinor', () => {
  it('writes exactly the currency decimals', () => {
    expect(formatMinor(24352174n, 2)).toBe('243521.74');
    expect(formatMinor(5n, 2)).toBe('0.05');
    expect(formatMinor(-5n, 2)).toBe('-0.05');
    expect(formatMinor(0n, 2)).toBe('0.00');
    expect(formatMinor(1500n, 0)).toBe('1500');
  });
});

describe('convertMinor', () => {
  it('converts with an exact decimal rate, rounding half away from zero', () => {
    // 100.00 EUR at 1.0823 USD per EUR = 108.23 USD
    expect(convertMinor({ minor: 10000n, fromDecimals: 2, toDecimals: 2, rate: '1.0823' })).toBe(10823n);
    // 0.05 at 0.5 = 0.025 → 0.03 (half away from zero)
    expect(convertMinor({ minor: 5n, fromDecimals: 2, toDecimals: 2, rate: '0.5' })).toBe(3n);
    expect(convertMinor({ minor: -5n, fromDecimals: 2, toDecimals: 2, rate: '0.5' })).toBe(-3n);
  });

  it('rescales between currencies with different minor units', () => {
    // 1000 JPY at 0.0067 USD per JPY = 6.70 USD
    expect(convertMinor({ minor: 1000n, fromDecimals: 0, toDecimals: 2, rate: '0.0067' })).toBe(670n);
    // 10.00 USD at 149.5 JPY per USD = 1495 JPY
    expect(convertMinor({ minor: 1000n, fromDecimals: 2, toDecimals: 0, rate: '149.5' })).toBe(1495n);
  });

  it('refuses a rate that is not a positive decimal', () => {
    expect(() => convertMinor({ minor: 1n, fromDecimals: 2, toDecimals: 2, rate: '-1' })).toThrow(
      /exchange rate/,
    );
  });
});

describe('sums', () => {
  it('adds exactly and divides rounding half away from zero', () => {
    expect(sumMinor([9007199254740993n, 1n])).toBe(9007199254740994n);
    expect(divideRoundHalfAway(5n, 2n)).toBe(3n);
    expect(divideRoundHalfAway(-5n, 2n)).toBe(-3n);
    expect(divideRoundHalfAway(4n, 3n)).toBe(1n);
  });
});
