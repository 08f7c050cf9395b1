import { DomainError } from './domain-error.js';

/**
 * Money is an integer count of minor units (cents for USD, yen for JPY) held in a bigint, so sums
 * never lose a cent and never pass 2^53 silently.
 *
 * Rounding rule (the only one in Candor, see docs/decisions/0003-money.md): when an input has more
 * decimals than its currency (Salesforce exports values like `9225.225`), it is rounded to the
 * currency's minor unit half away from zero (9225.225 → 9225.23, -0.005 → -0.01). The caller keeps
 * the original text in the ledger event, so nothing is lost.
 */
export type MinorUnits = bigint;

export type ParsedAmount = {
  minor: MinorUnits;
  /** True when the input had more decimals than the currency and was rounded. */
  rounded: boolean;
};

const decimalPattern = /^([+-])?(\d*)(?:\.(\d*))?$/;

/**
 * Parses a decimal amount as written in CRM exports: optional sign, digits, optional fraction,
 * optional thousands separators (`1,234.50`) and exponent forms (`1.5E+4`, as spreadsheets write).
 * Blank input is `null` (an amount that was never entered), not zero.
 */
export function parseAmount(input: string, decimals: number): ParsedAmount | null {
  const trimmed = input.trim().replace(/^\$|\s/g, '');
  if (trimmed === '') return null;
  const plain = expandExponent(trimmed.replace(/,(?=\d{3}(\D|$))/g, ''));
  const match = decimalPattern.exec(plain);
  if (!match || (match[2] === '' && (match[3] ?? '') === '')) {
    throw new DomainError('invalid-input', `'${input}' is not an amount`, [
      { value: input, reason: 'expected a decimal number such as 1234.50' },
    ]);
  }
  const negative = match[1] === '-';
  const whole = match[2] === '' ? '0' : (match[2] ?? '0');
  const fraction = match[3] ?? '';
  const kept = fraction.slice(0, decimals).padEnd(decimals, '0');
  const dropped = fraction.slice(decimals);
  let magnitude = BigInt(whole + kept);
  const rounded = /[1-9]/.test(dropped);
  if (dropped !== '' && Number(dropped[0]) >= 5) magnitude += 1n;
  return { minor: negative ? -magnitude : magnitude, rounded };
}

/** Turns `1.5E+4` into `15000` without going through a float. */
function expandExponent(text: string): string {
  const match = /^([+-]?)(\d*)(?:\.(\d*))?[eE]([+-]?\d+)$/.exec(text);
  if (!match) return text;
  const sign = match[1] ?? '';
  const digits = (match[2] ?? '') + (match[3] ?? '');
  const point = (match[2] ?? '').length + Number(match[4]);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return sign + digits + '0'.repeat(point - digits.length);
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** Formats minor units as a plain decimal string with exactly `decimals` places: `"243521.74"`. */
export function formatMinor(minor: MinorUnits, decimals: number): string {
  const negative = minor < 0n;
  const digits = (negative ? -minor : minor).toString().padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  const fraction = digits.slice(digits.length - decimals);
  return `${negative ? '-' : ''}${whole}${decimals > 0 ? `.${fraction}` : ''}`;
}

export type ConversionOptions = {
  minor: MinorUnits;
  fromDecimals: number;
  toDecimals: number;
  /** Units of the target currency for one unit of the source currency, as a decimal string. */
  rate: string;
};

/**
 * Converts an amount to another currency: `minor × rate`, rescaled to the target's minor unit and
 * rounded half away from zero. Exact: the rate is read as a scaled integer, never as a float.
 * The SQL in src/store/money-sql.ts applies the same rule with PostgreSQL's exact `numeric`.
 */
export function convertMinor({ minor, fromDecimals, toDecimals, rate }: ConversionOptions): MinorUnits {
  const parsedRate = /^(\d+)(?:\.(\d+))?$/.exec(rate.trim());
  if (!parsedRate) {
    throw new DomainError('invalid-input', `'${rate}' is not an exchange rate`, [
      { value: rate, reason: 'expected a positive decimal number' },
    ]);
  }
  const rateFraction = parsedRate[2] ?? '';
  const rateScaled = BigInt((parsedRate[1] ?? '0') + rateFraction);
  const scaleDigits = rateFraction.length + fromDecimals - toDecimals;
  const numerator = minor * rateScaled;
  if (scaleDigits <= 0) return numerator * 10n ** BigInt(-scaleDigits);
  return divideRoundHalfAway(numerator, 10n ** BigInt(scaleDigits));
}

/** Integer division rounded half away from zero. */
export function divideRoundHalfAway(numerator: bigint, denominator: bigint): bigint {
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const quotient = (n * 2n + d) / (d * 2n);
  return negative ? -quotient : quotient;
}

/** Sums minor units exactly. */
export function sumMinor(values: Iterable<MinorUnits>): MinorUnits {
  let total = 0n;
  for (const value of values) total += value;
  return total;
}
