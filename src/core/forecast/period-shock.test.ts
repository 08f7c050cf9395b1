import { describe, expect, it } from 'vitest';
import type { PastForecastError } from './past-forecast-errors.js';
import { estimateLogOddsShock, estimatePeriodShock } from './period-shock.js';
import type { TrainingSnapshot } from './training-snapshot.js';
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
const shockOf = (input: Partial<Parameters<typeof estimatePeriodShock>[0]>) =>
  estimatePeriodShock({ errors: [], snapshots: [], model, thinParts: [], remainingShare: 1, ...input });

describe('estimatePeriodShock', () => {
  it('sizes the remainder factor by the root mean square of past errors once two exist', () => {
    const shock = shockOf({ errors: [error(0.3), error(-0.4)] });
    // √((0.09 + 0.16) / 2) = 0.35355…; the deals are then drawn independently given the factor.
    expect(shock).toMatchObject({ method: 'past-errors', logOddsSd: 0, periods: 2, note: null });
    expect(shock.remainderSd).toBeCloseTo(Math.sqrt(0.125), 12);
  });

  it('counts a steady bias as error: the same miss twice is not a zero spread', () => {
    expect(shockOf({ errors: [error(0.2), error(0.2)] }).remainderSd).toBeCloseTo(0.2, 12);
  });

  it("falls back to the model's own band, widened only when this forecast is on thin data", () => {
    const full = shockOf({ errors: [error(1)] });
    expect(full).toMatchObject({ method: 'model', logOddsSd: 0.5, remainderSd: 0, periods: 1 });
    const thin = shockOf({ thinParts: ['win model', 'run rate'], remainingShare: 0.25 });
    expect(thin).toMatchObject({ method: 'model-thin-data', logOddsSd: 0.5, remainderSd: 0.5, periods: 0 });
    expect(thin.note).toBe(
      "only 0 comparable finished periods to measure the forecast's errors on (at least 2 needed): the range is the model's own, widened for the parts thin data leaves out (the uncertain part × e^(±0.5) at one standard deviation)",
    );
  });

  it('widens for a missing run rate by the square root of the share of the period still to run', () => {
    // Business not yet in the pipeline arrives only in the time left: 0.5 × √0.25 a quarter from the end.
    const late = shockOf({ thinParts: ['run rate'], remainingShare: 0.25 });
    expect(late).toMatchObject({ method: 'model-thin-data', remainderSd: 0.25 });
    expect(late.note).toContain('e^(±0.25)');
    expect(shockOf({ thinParts: ['run rate'], remainingShare: 1 }).remainderSd).toBe(0.5);
    expect(shockOf({ thinParts: ['run rate'], remainingShare: 0 }).remainderSd).toBe(0);
    // Stage defaults leave every open deal's chance a guess, whatever the week.
    expect(shockOf({ thinParts: ['win model'], remainingShare: 0 }).remainderSd).toBe(0.5);
  });
});

/** `deals` deals per period, all alike, `won` of them won; each seen in `weeks` weekly snapshots. */
function periodSnapshots(period: string, deals: number, won: number, weeks = 1): TrainingSnapshot[] {
  return Array.from({ length: deals * weeks }, (_, i) => {
    const deal = Math.floor(i / weeks);
    return {
      dealId: `${period}-${deal}`,
      period,
      week: (i % weeks) + 1,
      stage: 'A',
      probability01: 0.5,
      ageDays: 0,
      pushCount: 0,
      daysInStage: 0,
      amountMinor: 100,
      wonEver: deal < won,
      wonInPeriod: deal < won,
      wonAmountMinor: deal < won ? 100 : null,
      closed: true,
    };
  });
}

describe('estimateLogOddsShock', () => {
  const stageDefaults = new Map([['A', 0.5]]);
  const sigmaOf = (snapshots: TrainingSnapshot[]) =>
    estimateLogOddsShock(snapshots, fitWinModel(snapshots, stageDefaults));

  it('keeps only the spread between periods beyond what chance alone gives', () => {
    // Win rates 20 %, 50 %, 80 % of 200 deals: θ_Q = logit(rate) − logit(p), so
    // var(θ) = 2 × ln(4)² / 2 = 1.92181…; by chance v_Q = 1 / (200 q(1 − q)) = 1/32, 1/50, 1/32.
    const snapshots = [
      ...periodSnapshots('2023-Q1', 200, 40),
      ...periodSnapshots('2023-Q2', 200, 100),
      ...periodSnapshots('2023-Q3', 200, 160),
    ];
    const chance = (1 / 32 + 1 / 50 + 1 / 32) / 3;
    expect(sigmaOf(snapshots)).toBeCloseTo(Math.sqrt(Math.log(4) ** 2 - chance), 6);
  });

  it('gives no shared shock when the periods differ no more than chance allows', () => {
    // 48 %, 50 %, 52 % of 200 deals: var(θ) = logit(0.52)² = 0.0064 < 0.02 expected by chance.
    const snapshots = [
      ...periodSnapshots('2023-Q1', 200, 96),
      ...periodSnapshots('2023-Q2', 200, 100),
      ...periodSnapshots('2023-Q3', 200, 104),
    ];
    expect(sigmaOf(snapshots)).toBe(0);
  });

  it('counts a deal seen in several weekly snapshots as one outcome', () => {
    const once = [
      ...periodSnapshots('2023-Q1', 200, 40),
      ...periodSnapshots('2023-Q2', 200, 100),
      ...periodSnapshots('2023-Q3', 200, 160),
    ];
    const weekly = [
      ...periodSnapshots('2023-Q1', 200, 40, 4),
      ...periodSnapshots('2023-Q2', 200, 100, 4),
      ...periodSnapshots('2023-Q3', 200, 160, 4),
    ];
    expect(sigmaOf(weekly)).toBeCloseTo(sigmaOf(once), 6);
  });

  it('uses 0.5 with fewer than three periods or a stage-default model', () => {
    const two = [...periodSnapshots('2023-Q1', 200, 40), ...periodSnapshots('2023-Q2', 200, 160)];
    expect(sigmaOf(two)).toBe(0.5);
    expect(estimateLogOddsShock([], model)).toBe(0.5);
  });
});
