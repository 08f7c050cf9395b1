import { z } from 'zod';

/** Minor units as decimal integer text in a score payload. */
export const minorText = z.string().regex(/^-?\d+$/);

/** Shares travel as fixed-point text (six decimals): a float's text form is not one thing everywhere. */
export const shareText = z.string().regex(/^-?\d+\.\d{6}$/);

/** A share as six-decimal text (rounded half away from zero), null kept. */
export function toShareText(value: number | null): string | null {
  return value === null ? null : value.toFixed(6);
}
