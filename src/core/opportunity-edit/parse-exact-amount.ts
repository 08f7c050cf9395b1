import { DomainError } from '../domain-error.js';
import { formatMinor, type MinorUnits } from '../money.js';

/** The largest amount a deal can hold: what a signed 64-bit count of minor units can. */
const maxMinor = 2n ** 63n - 1n;

/**
 * Reads an amount typed by a person, exactly: a plain decimal (`1500`, `1500.5`, `-20.00`) with no
 * more significant decimals than the currency has. Unlike imports (which round and keep the
 * original text), an edit is refused rather than rounded: the person can say what they mean.
 * Trailing zeros are fine (`1500.100` in USD is 1500.10): nothing is lost.
 */
export function parseExactAmount(text: string, decimals: number, currency: string): MinorUnits {
  const match = /^(-)?(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!match) {
    throw new DomainError('invalid-input', `'${text}' is not an amount`, [
      { where: 'amount', value: text, reason: 'expected a decimal number such as 1234.50' },
    ]);
  }
  const fraction = match[3] ?? '';
  if (/[1-9]/.test(fraction.slice(decimals))) {
    throw new DomainError(
      'invalid-input',
      `'${text}' has more decimals than ${currency} allows (${decimals})`,
      [
        {
          where: 'amount',
          value: text,
          reason: `${currency} amounts have at most ${decimals} decimal${decimals === 1 ? '' : 's'}; Candor does not round an edit`,
        },
      ],
    );
  }
  const magnitude = BigInt((match[2] ?? '0') + fraction.slice(0, decimals).padEnd(decimals, '0'));
  if (magnitude > maxMinor) {
    throw new DomainError('invalid-input', `'${text}' is too large an amount`, [
      { where: 'amount', value: text, reason: `at most ${formatMinor(maxMinor, decimals)}` },
    ]);
  }
  return match[1] === '-' ? -magnitude : magnitude;
}
