import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../demo/random.js';
import { computeForkState, drawDealTrial } from './deal-draw-kernel.js';

/** The loop as it was written before the kernel: draws through the Random object. */
function drawThroughRandom(
  input: { probabilities: Float64Array; amounts: Float64Array; ownerSlots: Int32Array },
  options: { seed: number; factors: readonly number[]; owners: number },
): Float64Array {
  const trials = options.factors.length;
  const totals = new Float64Array(options.owners * trials);
  const random = createRandom(options.seed).fork('deals');
  options.factors.forEach((factor, trial) => {
    for (let i = 0; i < input.probabilities.length; i += 1) {
      const p = input.probabilities[i] as number;
      const u = random.next();
      if (u * (1 - p) < factor * p * (1 - u)) {
        const cell = (input.ownerSlots[i] as number) * trials + trial;
        totals[cell] = (totals[cell] as number) + (input.amounts[i] as number);
      }
    }
  });
  return totals;
}

describe('drawDealTrial', () => {
  it('starts where createRandom(seed).fork(label) starts', () => {
    for (const [seed, label] of [
      [0, 'deals'],
      [20_230_701, 'deals'],
      [0xffff_ffff, 'shock'],
    ] as const) {
      const expected = createRandom(seed).fork(label);
      // One deal with p = 0.5 and amount 1 per trial: the win says whether the draw was below 0.5.
      let state = computeForkState(seed, label);
      for (let k = 0; k < 200; k += 1) {
        const totals = new Float64Array(1);
        state = drawDealTrial(
          {
            probabilities: Float64Array.of(0.5),
            amounts: Float64Array.of(1),
            ownerSlots: Int32Array.of(0),
            oddsFactor: 1,
            totals,
            stride: 1,
            offset: 0,
          },
          state,
        );
        expect(totals[0]).toBe(expected.next() < 0.5 ? 1 : 0);
      }
    }
  });

  it('gives exactly the totals of drawing through the Random object, on random pipelines', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            p: fc.oneof(fc.constantFrom(0, 1), fc.double({ min: 0, max: 1, noNaN: true })),
            amount: fc.integer({ min: 0, max: 10_000_000 }),
            owner: fc.integer({ min: 0, max: 3 }),
          }),
          { maxLength: 40 },
        ),
        fc.array(fc.double({ min: 0.05, max: 20, noNaN: true }), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 0, max: 0xffff_ffff }),
        (deals, factors, seed) => {
          const input = {
            probabilities: Float64Array.from(deals, (d) => d.p),
            amounts: Float64Array.from(deals, (d) => d.amount),
            ownerSlots: Int32Array.from(deals, (d) => d.owner),
          };
          const trials = factors.length;
          const totals = new Float64Array(4 * trials);
          let state = computeForkState(seed, 'deals');
          factors.forEach((oddsFactor, trial) => {
            state = drawDealTrial({ ...input, oddsFactor, totals, stride: trials, offset: trial }, state);
          });
          expect([...totals]).toEqual([...drawThroughRandom(input, { seed, factors, owners: 4 })]);
        },
      ),
    );
  });
});
