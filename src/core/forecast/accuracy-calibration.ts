/** A deal's predicted chance of a win in the period, and whether it was won in the period. */
export type ScoredProbability = { probability: number; won: boolean };

export type ReliabilityBin = {
  /** [from, to) of predicted probability; the last bin includes 1. */
  from: number;
  to: number;
  deals: number;
  meanPredicted: number | null;
  observedRate: number | null;
};

export type Calibration = { deals: number; brier: number | null; reliability: ReliabilityBin[] };

/**
 * Per-deal calibration of win probabilities:
 * - Brier score = (1/n) Σ (p_i − o_i)², o_i = 1 when won in the period (Brier 1950); 0 is
 *   perfect, always predicting 0.5 scores 0.25;
 * - a reliability table: predictions cut into ten bins of width 0.1, each with its mean prediction
 *   and its observed win rate (a calibrated model has them equal; Murphy & Winkler 1977).
 * Edge cases: no deals gives a null Brier score and empty bins (null means).
 */
export function computeCalibration(deals: readonly ScoredProbability[]): Calibration {
  const bins = Array.from({ length: 10 }, (_, i) => ({ from: i / 10, to: (i + 1) / 10, n: 0, p: 0, won: 0 }));
  let squared = 0;
  for (const d of deals) {
    const outcome = d.won ? 1 : 0;
    squared += (d.probability - outcome) ** 2;
    const bin = bins[Math.min(Math.floor(d.probability * 10), 9)];
    if (!bin) continue;
    bin.n += 1;
    bin.p += d.probability;
    bin.won += outcome;
  }
  return {
    deals: deals.length,
    brier: deals.length > 0 ? squared / deals.length : null,
    reliability: bins.map((b) => ({
      from: b.from,
      to: b.to,
      deals: b.n,
      meanPredicted: b.n > 0 ? b.p / b.n : null,
      observedRate: b.n > 0 ? b.won / b.n : null,
    })),
  };
}
