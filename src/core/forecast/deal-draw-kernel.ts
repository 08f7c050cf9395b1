/**
 * The inner loop of the deal-by-deal simulation, with the generator's step written out in place.
 *
 * It draws exactly the numbers `createRandom(seed).fork(label).next()` would (mulberry32,
 * src/core/demo/random.ts), in the same order, so results are identical to drawing through the
 * Random object; calling a closure 10⁸ times is what it saves (a call and a boxed double each).
 */

/**
 * The starting state of `createRandom(seed).fork(label)`: FNV-1a over the seed and the label's
 * UTF-16 code units, as random.ts computes it. The test pins the two together.
 */
export function computeForkState(seed: number, label: string): number {
  let hash = 0x811c9dc5 ^ seed;
  for (let i = 0; i < label.length; i += 1) {
    hash ^= label.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export type DealDrawTrial = {
  probabilities: Float64Array;
  amounts: Float64Array;
  ownerSlots: Int32Array;
  /** e^z of this trial's shared shock: every deal's odds are multiplied by it. */
  oddsFactor: number;
  /** Where this trial's bookings go: `totals[slot × stride + offset]`. */
  totals: Float64Array;
  stride: number;
  offset: number;
};

/**
 * One trial over every deal: deal i wins when u_i·(1 − p_i) < f·p_i·(1 − u_i), i.e. u_i < p'_i with
 * p' = p·f / (1 − p + p·f), and then its amount adds to its owner's total. Takes the generator's
 * state and returns it advanced by one draw per deal (p = 0 deals draw too, so the stream does not
 * depend on which deals are certain).
 */
export function drawDealTrial(trial: DealDrawTrial, state: number): number {
  const { probabilities, amounts, ownerSlots, oddsFactor, totals, stride, offset } = trial;
  const count = probabilities.length;
  let s = state;
  for (let i = 0; i < count; i += 1) {
    // mulberry32, as in random.ts: the same 32-bit operations, the same division by 2^32.
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const u = ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
    const p = probabilities[i] as number;
    if (u * (1 - p) < oddsFactor * p * (1 - u)) {
      const cell = (ownerSlots[i] as number) * stride + offset;
      totals[cell] = (totals[cell] as number) + (amounts[i] as number);
    }
  }
  return s;
}
