import { describe, expect, it } from 'vitest';
import { formatExact, formatMoney, sumDecimals } from './format-money.js';

describe('money in the browser', () => {
  it('adds decimal strings exactly, whatever their scales, skipping deals without an amount', () => {
    expect(sumDecimals(['0.10', '0.20', null, '1'])).toBe('1.30');
    expect(sumDecimals(['9007199254740993.01', '0.99'])).toBe('9007199254740994.00');
    expect(sumDecimals(['-5.5', '2.25'])).toBe('-3.25');
    expect(sumDecimals([])).toBe('0');
  });

  it('formats amounts from their strings, with the currency, and a dash for none', () => {
    expect(formatMoney('1234567.89', 'USD')).toBe('$1,234,568');
    expect(formatMoney('1250000', 'EUR', { compact: true })).toBe('€1.3M');
    expect(formatMoney(null, 'USD')).toBe('—');
    expect(formatMoney('12', 'ZZ')).toBe('12 ZZ');
    expect(formatExact('-1234567.5', 'GBP')).toBe('-1,234,567.5 GBP');
  });
});
