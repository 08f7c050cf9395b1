import { describe, expect, it } from 'vitest';
import type { PastForecastError } from './past-forecast-errors.js';
import { estimatePeriodShock } from './period-shock.js';
import { fitWinModel } from './win-model.js';

const model = fitWinModel([], new Map([['Discovery', 0.5]]));
const error = (remainderLogError: number): PastForecastError => ({
  period: 'p',
  asOfMs: 0,
  expectedMinor: 1,
  closedMinor: 0,
  actualMinor: 1,
  logError: remainderLogError,
  remainderLogError,
});

describe('estimatePeriodShock', () => {
  it('sizes the remainder factor by the root mean square of past errors once two exist', () => {
    const shock = estimatePeriodShock({
      errors: [error(0.3), error(-0.4)],
      snapshots: [],
      model,
      thinData: false,
    });
    // √((0.09 + 0.16) / 2) = 0.35355…; the deals are then drawn independently given the factor.
    expect(shock).toMatchObject({ method: 'past-errors', logOddsSd: 0, periods: 2, note: null });
    expect(shock.remainderSd).toBeCloseTo(Math.sqrt(0.125), 12);
  });

  it('counts a steady bias as error: the same miss twice is not a zero spread', () => {
    const shock = estimatePeriodShock({
      errors: [error(0.2), error(0.2)],
      snapshots: [],
      model,
      thinData: false,
    });
    expect(shock.remainderSd).toBeCloseTo(0.2, 12);
  });

  it("falls back to the model's own band, widened only when this forecast is on thin data", () => {
    const full = estimatePeriodShock({ errors: [error(1)], snapshots: [], model, thinData: false });
    expect(full).toMatchObject({ method: 'model', logOddsSd: 0.5, remainderSd: 0, periods: 1 });
    const thin = estimatePeriodShock({ errors: [], snapshots: [], model, thinData: true });
    expect(thin).toMatchObject({ method: 'model-thin-data', logOddsSd: 0.5, remainderSd: 0.5, periods: 0 });
    expect(thin.note).toBe(
      "only 0 comparable finished periods to measure the forecast's errors on (at least 2 needed): the range is the model's own, widened for the parts thin data leaves out (the uncertain part × e^(±0.5) at one standard deviation)",
    );
  });
});
