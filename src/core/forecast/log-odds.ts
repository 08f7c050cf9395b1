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
 * adjustment"). Solved by bisection on [−6, 6] (the left side increases in θ), 40 steps.
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
  let low = -6;
  let high = 6;
  for (let step = 0; step < 40; step += 1) {
    const middle = (low + high) / 2;
    let total = prior * computeExpit(meanLogit + middle);
    for (const l of logits) total += computeExpit(l + middle);
    if (total < goal) low = middle;
    else high = middle;
  }
  return (low + high) / 2;
}
