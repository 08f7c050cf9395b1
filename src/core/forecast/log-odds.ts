/** logit(p) = ln(p / (1 − p)), with p clamped to [1e-6, 1 − 1e-6] so certain outcomes stay finite. */
export function computeLogit(probability01: number): number {
  const p = Math.min(Math.max(probability01, 1e-6), 1 - 1e-6);
  return Math.log(p / (1 - p));
}

/** expit(x) = 1 / (1 + e^−x), the inverse of logit. */
export function computeExpit(logOdds: number): number {
  return 1 / (1 + Math.exp(-logOdds));
}

/**
 * The shift θ of log-odds that makes the shifted probabilities add up to `target`:
 *
 *   Σ expit(logit(p_i) + θ) + prior × expit(logit(p̄) + θ) = target + prior × p̄
 *
 * where p̄ is the mean of the p_i and `prior` adds that many pseudo-observations whose outcome
 * equals their prediction, pulling θ toward 0 when the group is small (shrinkage toward "no
 * adjustment"). The left side increases in θ, so Newton's method from θ = 0 converges; each step
 * is kept inside [−6, 6] and the iteration stops when a step is below 1e-9 (at most 50 steps).
 *
 * Edge cases: no probabilities gives 0; a target outside what any θ in range reaches gives the
 * bound (±6, an odds factor of about 400).
 */
export function solveLogOddsShift(logits: readonly number[], target: number, prior: number): number {
  if (logits.length === 0) return 0;
  let sum = 0;
  for (const l of logits) sum += computeExpit(l);
  const mean = sum / logits.length;
  const meanLogit = computeLogit(mean);
  const goal = target + prior * mean;
  let theta = 0;
  for (let step = 0; step < 50; step += 1) {
    const p0 = computeExpit(meanLogit + theta);
    let total = prior * p0;
    let slope = prior * p0 * (1 - p0);
    for (const l of logits) {
      const p = computeExpit(l + theta);
      total += p;
      slope += p * (1 - p);
    }
    if (slope < 1e-12) break;
    const next = Math.min(Math.max(theta - (total - goal) / slope, -6), 6);
    const moved = Math.abs(next - theta);
    theta = next;
    if (moved < 1e-9) break;
  }
  return theta;
}
