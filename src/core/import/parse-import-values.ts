import { isDomainError } from '../domain-error.js';
import { parseAmount } from '../money.js';
import { valueError, valueOk, type ValueOutcome } from './row-problem.js';

/** An amount read from a file: minor units (null when blank) and the original text when it was rounded. */
export type ImportAmount = { minor: bigint | null; input: string | null };

/**
 * Reads an amount in a currency with `decimals` minor digits. Blank is null (never entered), not
 * zero; more decimals than the currency are rounded half away from zero (core/money.ts) and the
 * original text is kept, so the ledger still holds what the file said.
 */
export function parseImportAmount(text: string, decimals: number): ValueOutcome<ImportAmount> {
  try {
    const parsed = parseAmount(text, decimals);
    if (parsed === null) return valueOk({ minor: null, input: null });
    return valueOk({ minor: parsed.minor, input: parsed.rounded ? text.trim() : null });
  } catch (error) {
    if (isDomainError(error)) return valueError('expected a decimal number such as 1234.50');
    throw error;
  }
}

/**
 * A win probability. Salesforce writes percent (`10` is 10 %); a value with `%`, or above 1, is
 * read as percent too, and one in [0, 1] as a fraction. Blank is null.
 */
export function parseProbability(text: string, percent: boolean): ValueOutcome<number | null> {
  const trimmed = text.trim();
  if (trimmed === '') return valueOk(null);
  const isPercent = percent || trimmed.endsWith('%');
  const number = Number(trimmed.replace(/%$/, '').trim());
  if (!Number.isFinite(number)) return valueError('expected a probability such as 40 (percent) or 0.4');
  const fraction = isPercent || number > 1 ? number / 100 : number;
  if (fraction < 0 || fraction > 1) return valueError('a probability lies between 0 and 100 percent');
  return valueOk(Math.round(fraction * 1e6) / 1e6);
}

const truthy = new Set(['1', 'true', 'yes', 'y', 't']);
const falsy = new Set(['0', 'false', 'no', 'n', 'f']);

/** A flag as exports write it (`1`/`0`, `true`/`false`, `yes`/`no`); blank is null. */
export function parseImportFlag(text: string): ValueOutcome<boolean | null> {
  const lower = text.trim().toLowerCase();
  if (lower === '') return valueOk(null);
  if (truthy.has(lower)) return valueOk(true);
  if (falsy.has(lower)) return valueOk(false);
  return valueError('expected true or false (1/0, yes/no)');
}
