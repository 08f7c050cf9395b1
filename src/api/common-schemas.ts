import { z } from 'zod';

/**
 * Building blocks of the HTTP contract. Money travels as decimal strings in the currency's own
 * minor unit ("243521.74"), never as floats; days are `YYYY-MM-DD`; instants ISO-8601 in UTC;
 * ledger sequence numbers decimal strings (they may pass 2^53).
 */
export const decimalAmountSchema = z
  .string()
  .regex(/^-?\d+(\.\d+)?$/)
  .describe('an exact decimal amount, e.g. "243521.74"');

export const daySchema = z.iso.date().describe('a day, YYYY-MM-DD');

export const instantTextSchema = z.iso.datetime().describe('an instant, ISO-8601 in UTC');

export const seqSchema = z.string().regex(/^\d+$/).describe('a ledger sequence number, as a decimal string');

export const hashSchema = z
  .string()
  .regex(/^[0-9a-f]{64}$/)
  .describe('a SHA-256 hash, hex');

/** Salesforce's forecast categories: won deals are Closed, lost ones Omitted. */
export const forecastCategories = ['Pipeline', 'Best Case', 'Commit', 'Closed', 'Omitted'] as const;
export type ApiForecastCategory = (typeof forecastCategories)[number];

const periodPattern = /^(\d{4}-Q[1-4]|\d{4}-W\d{1,2}|\d{4}-(0[1-9]|1[0-2])|(FY)?\d{4})$/;

export const periodSchema = z
  .string()
  .regex(
    periodPattern,
    'expected a fiscal quarter (2026-Q3), month (2026-03), week (2026-W14) or year (2026)',
  )
  .describe('a fiscal period: quarter 2026-Q3, month 2026-03, week 2026-W14 or year 2026');

/**
 * An instant in a query string: a full ISO-8601 time with its offset (2023-04-01T00:00:00Z) or a
 * bare day, taken as midnight UTC (the CLI's `--as-of` reads the same way).
 */
export const instantQuerySchema = z
  .string()
  .refine(
    (text) => parseInstantText(text) !== null,
    'expected an ISO-8601 time with a zone, such as 2023-04-01T00:00:00Z, or a day such as 2023-04-01',
  )
  .transform((text) => parseInstantText(text) as Date)
  .describe('an instant: 2023-04-01T00:00:00Z, or a day (midnight UTC)');

function parseInstantText(text: string): Date | null {
  const withTime = /^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : text;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(withTime)) return null;
  const value = new Date(withTime);
  return Number.isNaN(value.getTime()) ? null : value;
}

/** A query parameter that may repeat (`stage=A&stage=B`); one value arrives as a plain string. */
export function repeatedQuerySchema<T extends z.ZodType<string>>(item: T) {
  return z.preprocess(
    (value) => (value === undefined || Array.isArray(value) ? value : [value]),
    z.array(item),
  );
}
