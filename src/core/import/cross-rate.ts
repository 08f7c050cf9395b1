import { divideRoundHalfAway } from '../money.js';

/** Decimal places an imported exchange rate keeps. */
export const rateDecimals = 18;

/**
 * Salesforce's CurrencyType says how many units of each currency make one unit of the corporate
 * currency (`ConversionRate`); Candor's rate says how many corporate units one unit is worth (what
 * convertMinor multiplies by). The rate of `code` into `corporate` is therefore
 * `conversion(corporate) / conversion(code)`, which also covers a file whose corporate currency is
 * not the organisation's.
 *
 * Precision rule: the quotient is computed exactly on scaled integers and rounded half away from
 * zero to 18 decimal places, trailing zeros dropped (1 / 1.25 = 0.8 exactly; 1 / 3 =
 * 0.333333333333333333). The error is under 5e-19 per unit, so converting any amount below 10^15
 * units is off by less than half a cent. Returns null when a rate is not a positive decimal.
 */
export function crossRate(conversionOfCorporate: string, conversionOfCode: string): string | null {
  const numerator = scaled(conversionOfCorporate);
  const denominator = scaled(conversionOfCode);
  if (!numerator || !denominator || denominator.digits === 0n) return null;
  // value = (n / 10^a) / (d / 10^b); scaled by 10^rateDecimals.
  const exponent = rateDecimals + denominator.scale - numerator.scale;
  const top = exponent >= 0 ? numerator.digits * 10n ** BigInt(exponent) : numerator.digits;
  const bottom = exponent >= 0 ? denominator.digits : denominator.digits * 10n ** BigInt(-exponent);
  const quotient = divideRoundHalfAway(top, bottom);
  const text = quotient.toString().padStart(rateDecimals + 1, '0');
  const whole = text.slice(0, text.length - rateDecimals);
  const fraction = text.slice(text.length - rateDecimals).replace(/0+$/, '');
  return fraction === '' ? whole : `${whole}.${fraction}`;
}

function scaled(text: string): { digits: bigint; scale: number } | null {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!match) return null;
  const fraction = match[2] ?? '';
  return { digits: BigInt((match[1] ?? '0') + fraction), scale: fraction.length };
}
