import { describe, expect, it } from 'vitest';
import { shrinkRate } from './shrink-rate.js';
import type { TrainingSnapshot } from './training-snapshot.js';
import { fitWinModel, predictWin } from './win-model.js';

function snapshot(i: number, change: Partial<TrainingSnapshot>): TrainingSnapshot {
  return {
    dealId: `d${i}`,
    period: '2023-Q1',
    week: 1,
    stage: 'A',
    probability01: 0.5,
    ageDays: 0,
    pushCount: 0,
    daysInStage: 0,
    amountMinor: 100,
    wonEver: false,
    wonInPeriod: false,
    wonAmountMinor: null,
    closed: true,
    ...change,
  };
}

const open = { stage: 'A', week: 1, probability01: 0.5, pushCount: 0, daysInStage: 0, ageDays: 0 };

describe('shrinkRate', () => {
  it('is the beta-binomial posterior mean', () => {
    expect(shrinkRate(3, 10, 0.5, 20)).toBeCloseTo(13 / 30, 12);
    expect(shrinkRate(0, 0, 0.3, 20)).toBeCloseTo(0.3, 12);
  });
});

describe('fitWinModel', () => {
  it('falls back to stage defaults, with no slip, under 30 closed deals', () => {
    const few = Array.from({ length: 29 }, (_, i) => snapshot(i, { wonEver: true, wonInPeriod: true }));
    const model = fitWinModel(few, new Map([['A', 0.4]]));
    expect(model.method).toBe('stage-default');
    expect(model.note).toBe(
      'only 29 closed deals in the training window (at least 30 needed): stage default probabilities, no slip',
    );
    expect(predictWin(model, open)).toEqual({
      winProbability: 0.4,
      inPeriodProbability: 1,
      probability: 0.4,
    });
  });

  it('shrinks the cell rate toward the stage rate toward the default, then fits the evidence', () => {
    // 40 deals at stage A in week 1: 10 won inside the period, 30 lost; the stage default is 0.5.
    const rows = Array.from({ length: 40 }, (_, i) =>
      snapshot(i, i < 10 ? { wonEver: true, wonInPeriod: true, wonAmountMinor: 100 } : {}),
    );
    const model = fitWinModel(rows, new Map([['A', 0.5]]));
    expect(model.method).toBe('history');
    // Stage: (10 + 20·0.5)/(40 + 20) = 1/3; cell: (10 + 20/3)/(40 + 20) = 5/18.
    expect(model.stageWin.get('A')).toBeCloseTo(1 / 3, 12);
    expect(model.cellWin.get('1|A')).toBeCloseTo(5 / 18, 12);
    // Every win landed in the period: the in-period share is 1 at every level.
    expect(model.cellInPeriod.get('1|A')).toBeCloseTo(1, 12);
    // Each evidence kind has one bucket holding everyone: 50·p' = 10 + 10·p, three times over:
    // 5/18 → 0.2555… → 0.2511… → 0.250222…
    const p1 = (10 + 10 * (5 / 18)) / 50;
    const p2 = (10 + 10 * p1) / 50;
    const p3 = (10 + 10 * p2) / 50;
    const prediction = predictWin(model, open);
    expect(prediction.winProbability).toBeCloseTo(p3, 6);
    expect(prediction.probability).toBeCloseTo(p3, 6);
  });

  it('learns that pushed deals slip and win less', () => {
    const rows = Array.from({ length: 200 }, (_, i) => {
      const pushed = i % 2 === 1;
      const wins = pushed ? i % 10 === 1 : i % 4 === 0;
      return snapshot(i, { pushCount: pushed ? 2 : 0, wonEver: wins, wonInPeriod: wins && !pushed });
    });
    const model = fitWinModel(rows, new Map([['A', 0.5]]));
    const steady = predictWin(model, open);
    const pushed = predictWin(model, { ...open, pushCount: 2 });
    expect(pushed.winProbability).toBeLessThan(steady.winProbability);
    // Of 70 wins, 50 landed in their period: the in-period share shrinks toward nothing else.
    expect(steady.inPeriodProbability).toBeCloseTo(50 / 70, 12);
  });
});
