import { createRandom, type Random } from '../demo/random.js';
import { computeForkState, drawDealTrial } from './deal-draw-kernel.js';

export type OpenDealsSimulation = {
  /** Win probability in the period of each deal, in [0, 1]. */
  probabilities: Float64Array;
  /** Amount each deal books when won, in minor units. */
  amounts: Float64Array;
  /** Which owner slot (0 … owners − 1) each deal's bookings add to. */
  ownerSlots: Int32Array;
  owners: number;
  trials: number;
  /** Standard deviation of the shared log-odds shock (0: deals independent). */
  shockSd: number;
  seed: number;
};

/**
 * Simulates the period's open deals `trials` times. In each trial one shock z ~ N(0, σ²) is drawn
 * for the whole period and every deal's odds are multiplied by e^z:
 *
 *   p' = p·e^z / (1 − p + p·e^z),   deal i wins when u_i < p'_i,  u_i ~ U[0, 1)
 *
 * so good and bad quarters move all deals together (deals are not independent in practice: one
 * economy, one product, one sales leader), and the band is not falsely narrow. The test
 * u < p' is evaluated as u·(1 − p) < e^z·p·(1 − u) to avoid a division per deal.
 * Source: a random-intercept (GLMM-style) model of correlated Bernoulli outcomes.
 *
 * Edge cases: p = 1 always wins and p = 0 never does, whatever z; σ = 0 gives independent deals.
 * Returns the bookings per owner slot and trial: `totals[slot × trials + trial]`.
 * Generator: mulberry32 (src/core/demo/random.ts), seeded, so a forecast is reproducible; its step
 * is written out in the inner loop (drawDealTrial), which draws the same numbers.
 */
export function simulateOpenDeals(input: OpenDealsSimulation): Float64Array {
  if (input.probabilities.length * input.trials > exactDealTrials) return simulateByShockGrid(input);
  const { probabilities, amounts, ownerSlots, owners, trials } = input;
  const totals = new Float64Array(owners * trials);
  const shockRandom = createRandom(input.seed >>> 0).fork('shock');
  // The deals' stream is createRandom(seed).fork('deals'), stepped in place by the kernel.
  let state = computeForkState(input.seed >>> 0, 'deals');
  for (let trial = 0; trial < trials; trial += 1) {
    const oddsFactor = Math.exp(input.shockSd * drawStandardNormal(shockRandom));
    state = drawDealTrial(
      { probabilities, amounts, ownerSlots, oddsFactor, totals, stride: trials, offset: trial },
      state,
    );
  }
  return totals;
}

/** Above this many deal × trial draws, the shock-grid method replaces deal-by-deal draws. */
export const exactDealTrials = 5_000_000;
/** Shock values of the grid method; each is used by trials / 64 trials. */
const shockGridSize = 64;

/**
 * The same model for large pipelines, without a draw per deal and trial. Given the period's shock
 * z, deals are independent, so an owner's bookings have mean Σ a·p'(z) and variance
 * Σ a²·p'(z)(1 − p'(z)); with hundreds of deals per owner their sum is close to normal (Lyapunov's
 * central limit theorem). 64 shocks z_k ~ N(0, σ²) are drawn; each trial takes one of them in turn
 * and draws each owner's total from N(mean_k, var_k), cut at 0. Cost: deals × 64 + owners × trials,
 * instead of deals × trials. Certain deals (p = 0 or 1) add no variance, so their sum stays exact.
 * Source: conditional normal approximation of a Poisson-binomial sum (e.g. Hong 2013, on
 * computing the Poisson-binomial distribution).
 */
function simulateByShockGrid(input: OpenDealsSimulation): Float64Array {
  const { probabilities, amounts, ownerSlots, owners, trials } = input;
  const shockRandom = createRandom(input.seed >>> 0).fork('shock');
  const sumRandom = createRandom(input.seed >>> 0).fork('sums');
  const factors = new Float64Array(shockGridSize);
  for (let k = 0; k < shockGridSize; k += 1)
    factors[k] = Math.exp(input.shockSd * drawStandardNormal(shockRandom));
  const means = new Float64Array(owners * shockGridSize);
  const variances = new Float64Array(owners * shockGridSize);
  for (let i = 0; i < probabilities.length; i += 1) {
    const p = probabilities[i] as number;
    // p = 0 adds exactly 0 to every cell; p = 1 adds its amount to the means and 0 to the variances.
    if (p === 0) continue;
    const a = amounts[i] as number;
    const base = (ownerSlots[i] as number) * shockGridSize;
    if (p >= 1) {
      for (let k = 0; k < shockGridSize; k += 1) means[base + k] = (means[base + k] as number) + a;
      continue;
    }
    const aSquared = a * a;
    const q = 1 - p;
    for (let k = 0; k < shockGridSize; k += 1) {
      const odds = p * (factors[k] as number);
      const shocked = odds / (q + odds);
      means[base + k] = (means[base + k] as number) + a * shocked;
      variances[base + k] = (variances[base + k] as number) + aSquared * shocked * (1 - shocked);
    }
  }
  const totals = new Float64Array(owners * trials);
  for (let trial = 0; trial < trials; trial += 1) {
    const k = trial % shockGridSize;
    for (let slot = 0; slot < owners; slot += 1) {
      const cell = slot * shockGridSize + k;
      const sd = Math.sqrt(variances[cell] as number);
      const draw = (means[cell] as number) + (sd > 0 ? sd * drawStandardNormal(sumRandom) : 0);
      totals[slot * trials + trial] = Math.max(draw, 0);
    }
  }
  return totals;
}

/** A standard normal draw by the Box–Muller transform (one of the pair is used). */
export function drawStandardNormal(random: Random): number {
  const u1 = 1 - random.next();
  const u2 = random.next();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}
