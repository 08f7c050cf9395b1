/**
 * Spearman's rank correlation ρ of paired values: Pearson's correlation of their ranks, ties given
 * the mean of the ranks they span (Spearman 1904; the tie rule of e.g. scipy.stats.spearmanr).
 *
 * ρ = cov(rank x, rank y) / (sd(rank x) · sd(rank y)), in [-1, 1]. It measures whether one value
 * tends to rise with the other, in any monotone shape, and is not thrown by a few huge deals the
 * way Pearson's is. Edge cases: fewer than 3 pairs, or one side constant (every rank equal), has
 * no defined correlation: null.
 */
export function computeSpearman(pairs: readonly (readonly [number, number])[]): number | null {
  if (pairs.length < 3) return null;
  const rx = rankWithTies(pairs.map((p) => p[0]));
  const ry = rankWithTies(pairs.map((p) => p[1]));
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  const mx = mean(rx);
  const my = mean(ry);
  let covariance = 0;
  let varianceX = 0;
  let varianceY = 0;
  for (let i = 0; i < rx.length; i += 1) {
    const dx = (rx[i] ?? 0) - mx;
    const dy = (ry[i] ?? 0) - my;
    covariance += dx * dy;
    varianceX += dx * dx;
    varianceY += dy * dy;
  }
  if (varianceX === 0 || varianceY === 0) return null;
  return covariance / Math.sqrt(varianceX * varianceY);
}

/** Ranks 1..n in ascending order; tied values share the mean of their ranks. */
export function rankWithTies(values: readonly number[]): number[] {
  const order = values.map((value, index) => ({ value, index })).sort((a, b) => a.value - b.value);
  const ranks = new Array<number>(values.length).fill(0);
  let i = 0;
  while (i < order.length) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]?.value === order[i]?.value) j += 1;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k += 1) ranks[order[k]?.index ?? 0] = rank;
    i = j + 1;
  }
  return ranks;
}
