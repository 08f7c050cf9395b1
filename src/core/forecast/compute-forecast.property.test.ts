import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeBacktestWeek } from './backtest-week.js';
import { computeForecast } from './compute-forecast.js';
import type { DealTimeline, DealVersion } from './deal-timeline.js';
import { ms, quarter } from './test-timelines.test-support.js';

const q3 = quarter('2023-Q3');
const training = [quarter('2023-Q2'), quarter('2023-Q1'), quarter('2022-Q4')];
const stages = ['Discovery', 'Proposal', 'Commit'] as const;
const stageDefaults = new Map([
  ['Discovery', 0.2],
  ['Proposal', 0.5],
  ['Commit', 0.8],
]);
const start = ms('2022-09-01');
const end = ms('2023-09-30');
const day = 86_400_000;

/** A random deal history between Sep 2022 and Sep 2023: a few changes, maybe a close. */
const timelineArb = (id: string) =>
  fc
    .record({
      createdDay: fc.integer({ min: 0, max: 330 }),
      steps: fc.array(
        fc.record({
          gapDays: fc.integer({ min: 1, max: 60 }),
          stage: fc.constantFrom(...stages),
          closeShiftDays: fc.integer({ min: -20, max: 60 }),
          amount: fc.option(fc.integer({ min: 1, max: 100_000 }), { nil: null }),
        }),
        { maxLength: 4 },
      ),
      close: fc.constantFrom('won', 'lost', 'open'),
      closeGapDays: fc.integer({ min: 1, max: 90 }),
      firstCloseDays: fc.integer({ min: 10, max: 200 }),
    })
    .map(({ createdDay, steps, close, closeGapDays, firstCloseDays }): DealTimeline => {
      const created = start + createdDay * day;
      const versions: DealVersion[] = [];
      let at = created;
      let state: DealVersion = {
        validFromMs: created,
        validToMs: Infinity,
        stage: 'Discovery',
        probability01: 0.2,
        category: 'Pipeline',
        isClosed: false,
        isWon: false,
        closeDate: new Date(created + firstCloseDays * day).toISOString().slice(0, 10),
        amountMinor: 5000,
        createdAtMs: created,
        stageEnteredAtMs: created,
        pushCount: 0,
        closedRecordedAtMs: null,
      };
      versions.push(state);
      const push = (next: DealVersion) => {
        (versions.at(-1) as DealVersion).validToMs = next.validFromMs;
        versions.push(next);
        state = next;
      };
      for (const step of steps) {
        at += step.gapDays * day;
        const closeMs = new Date(`${state.closeDate}T00:00:00Z`).getTime() + step.closeShiftDays * day;
        push({
          ...state,
          validFromMs: at,
          stage: step.stage,
          probability01: stageDefaults.get(step.stage) ?? 0,
          category: step.stage === 'Commit' ? 'Commit' : 'Pipeline',
          stageEnteredAtMs: step.stage === state.stage ? state.stageEnteredAtMs : at,
          closeDate: new Date(closeMs).toISOString().slice(0, 10),
          pushCount: state.pushCount + (step.closeShiftDays > 0 ? 1 : 0),
          amountMinor: step.amount,
        });
      }
      if (close !== 'open') {
        at += closeGapDays * day;
        push({
          ...state,
          validFromMs: at,
          stage: close === 'won' ? 'Won' : 'Lost',
          isClosed: true,
          isWon: close === 'won',
          category: close === 'won' ? 'Closed' : 'Omitted',
          closeDate: new Date(at).toISOString().slice(0, 10),
          closedRecordedAtMs: at,
        });
      }
      return { id, ownerId: `rep${id.length % 3}`, versions: versions.filter((v) => v.validFromMs <= end) };
    });

const historyArb = fc
  .integer({ min: 0, max: 60 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => timelineArb(`d${i}`))))
  .map((timelines) => timelines.filter((t) => t.versions.length > 0));

const asOfArb = fc.integer({ min: 0, max: 13 }).map((week) => q3.startMs + week * 7 * day);

describe('the forecast, for any history', () => {
  it('gives probabilities in [0, 1] and P10 ≤ P50 ≤ P90', () => {
    fc.assert(
      fc.property(historyArb, asOfArb, (history, asOfMs) => {
        const step = computeBacktestWeek({
          history,
          period: q3,
          trainingPeriods: training,
          asOfMs,
          stageDefaults,
          wonIds: new Set(),
          trials: 50,
          seed: 1,
        });
        for (const d of step.candorDeals) {
          expect(d.probability).toBeGreaterThanOrEqual(0);
          expect(d.probability).toBeLessThanOrEqual(1);
        }
        expect(step.candor.p10).toBeLessThanOrEqual(step.candor.p50);
        expect(step.candor.p50).toBeLessThanOrEqual(step.candor.p90);
      }),
      { numRuns: 60 },
    );
  });

  it('never uses a change made after the as-of moment', () => {
    fc.assert(
      fc.property(historyArb, historyArb, asOfArb, (history, later, asOfMs) => {
        // Rewrite the future: every deal's versions after asOf are replaced by another history's.
        const laterById = new Map(later.map((t) => [t.id, t]));
        const rewritten = history.map((t) => {
          const kept = t.versions.filter((v) => v.validFromMs <= asOfMs);
          const future = (laterById.get(t.id)?.versions ?? []).filter((v) => v.validFromMs > asOfMs);
          const last = kept.at(-1);
          if (!last) return { ...t, versions: future };
          return {
            ...t,
            versions: [
              ...kept.slice(0, -1),
              { ...last, validToMs: future[0]?.validFromMs ?? Infinity },
              ...future,
            ],
          };
        });
        const input = {
          period: q3,
          trainingPeriods: training,
          asOfMs,
          stageDefaults,
          wonIds: new Set<string>(),
          trials: 50,
          seed: 3,
        };
        const before = computeBacktestWeek({ ...input, history });
        const after = computeBacktestWeek({ ...input, history: rewritten });
        expect(after.candor).toEqual(before.candor);
        expect(after.stageWeighted).toBe(before.stageWeighted);
        expect(after.commitPlusClosed).toBe(before.commitPlusClosed);
      }),
      { numRuns: 60 },
    );
  });

  it('forecasts exactly the sum when every deal is certain', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1_000_000 }), { maxLength: 30 }), (amounts) => {
        const result = computeForecast({
          period: q3,
          trainingPeriods: training,
          asOfMs: ms('2023-08-01'),
          history: [],
          includeOwner: () => true,
          stageDefaults: new Map([['Signed', 1]]),
          trials: 50,
          periodDeals: amounts.map((amountMinor, i) => ({
            id: `d${i}`,
            ownerId: 'rep',
            state: {
              validFromMs: ms('2023-07-01'),
              validToMs: Infinity,
              stage: 'Signed',
              probability01: 1,
              category: 'Commit',
              isClosed: false,
              isWon: false,
              closeDate: '2023-09-01',
              amountMinor,
              createdAtMs: ms('2023-07-01'),
              stageEnteredAtMs: ms('2023-07-01'),
              pushCount: 0,
              closedRecordedAtMs: null,
            },
          })),
        });
        const sum = amounts.reduce((a, b) => a + b, 0);
        expect(result).toMatchObject({ expectedMinor: sum, p10Minor: sum, p50Minor: sum, p90Minor: sum });
      }),
      { numRuns: 50 },
    );
  });
});
