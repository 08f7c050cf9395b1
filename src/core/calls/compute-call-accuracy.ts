import type { MinorUnits } from '../money.js';

/**
 * The accuracy of a forecast figure against what actually closed:
 *
 *   accuracy = 1 − |actual − forecast| / actual
 *
 * (the definition; 1 is exact, 0.9 is 10 % off either way). It is below zero when the miss
 * is larger than the actual itself, and it is not defined when nothing closed (actual = 0): then
 * null, and such periods are left out of averages rather than counted as a perfect or a zero score.
 */
export function computeCallAccuracy(actualMinor: MinorUnits, forecastMinor: MinorUnits): number | null {
  if (actualMinor === 0n) return null;
  const gap = actualMinor > forecastMinor ? actualMinor - forecastMinor : forecastMinor - actualMinor;
  return 1 - Number(gap) / Math.abs(Number(actualMinor));
}

/**
 * The signed error of a forecast as a share of the actual: (forecast − actual) / actual. Positive is
 * over-calling (the number promised more than came in), negative is sandbagging. Null when
 * nothing closed.
 */
export function computeSignedError(actualMinor: MinorUnits, forecastMinor: MinorUnits): number | null {
  if (actualMinor === 0n) return null;
  return Number(forecastMinor - actualMinor) / Math.abs(Number(actualMinor));
}
