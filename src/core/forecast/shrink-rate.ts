/**
 * Empirical-Bayes shrinkage of a rate toward a prior rate (the beta-binomial posterior mean):
 *
 *   rate = (successes + strength × prior) / (trials + strength)
 *
 * i.e. a Beta(strength × prior, strength × (1 − prior)) prior updated with the observed counts.
 * `strength` is the prior's weight in pseudo-observations: with `trials` ≪ strength the prior
 * dominates, with `trials` ≫ strength the observed rate does. Source: Gelman et al., Bayesian Data
 * Analysis, ch. 2 (beta-binomial); Efron & Morris (1975) for shrinking many small groups.
 *
 * Edge cases: no trials gives the prior; the result stays in [0, 1] whenever prior, successes ≤
 * trials are; a strength of 0 gives the raw rate (NaN for 0 trials, so callers keep strength > 0).
 */
export function shrinkRate(successes: number, trials: number, prior: number, strength: number): number {
  return (successes + strength * prior) / (trials + strength);
}
