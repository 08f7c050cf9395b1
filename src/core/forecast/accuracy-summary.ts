/** One forecast of one period, made in one week of it, beside what really closed. */
export type ScoredForecast = {
  period: string;
  week: number;
  forecast: number;
  /** Null for point forecasts (the baselines). */
  p10: number | null;
  p50: number | null;
  p90: number | null;
  actual: number;
};

export type AccuracySummary = {
  forecasts: number;
  /** Mean absolute percentage error by week of the period: week → mean |f − a| / a (periods with a > 0). */
  apeByWeek: { week: number; ape: number; forecasts: number }[];
  /** Σ|f − a| / Σa over every forecast: errors weighted by the size of the period. */
  wape: number | null;
  /** Σ(f − a) / Σa: positive over-forecasts, negative under-forecasts (sandbagging). */
  bias: number | null;
  /** Share of forecasts whose |f − a| / a ≤ 5 %, and ≤ 10 %. */
  within5: number | null;
  within10: number | null;
  /** Share of forecasts with P10 ≤ actual ≤ P90; null for point forecasts. Ideal: 80 %. */
  coverage: number | null;
  /** Mean pinball loss over P10, P50 and P90, divided by the mean actual; null for point forecasts. */
  pinball: number | null;
};

/**
 * Accuracy of a set of forecasts against actuals:
 * - APE_i = |f_i − a_i| / a_i (undefined when a_i = 0; such forecasts are left out of APE, ±5 %
 *   and ±10 %, and count in WAPE and bias only through their error);
 * - WAPE = Σ|f_i − a_i| / Σa_i; bias = Σ(f_i − a_i) / Σa_i (Kolassa & Schütz 2007);
 * - coverage = share of i with P10_i ≤ a_i ≤ P90_i (an 80 % interval should cover 80 %);
 * - pinball loss L_q(a, x) = q·(a − x) if a ≥ x else (1 − q)·(x − a), averaged over q ∈ {0.1,
 *   0.5, 0.9} and over forecasts, then divided by the mean actual so periods of any size compare
 *   (Koenker & Bassett 1978; the quantile score of Gneiting & Raftery 2007).
 * Edge cases: no forecasts, or Σa = 0, gives null for the ratios.
 */
export function computeAccuracySummary(forecasts: readonly ScoredForecast[]): AccuracySummary {
  let absolute = 0;
  let signed = 0;
  let actualSum = 0;
  let withApe = 0;
  let in5 = 0;
  let in10 = 0;
  let ranged = 0;
  let covered = 0;
  let pinballSum = 0;
  const byWeek = new Map<number, { sum: number; count: number }>();
  for (const f of forecasts) {
    absolute += Math.abs(f.forecast - f.actual);
    signed += f.forecast - f.actual;
    actualSum += f.actual;
    if (f.actual > 0) {
      const ape = Math.abs(f.forecast - f.actual) / f.actual;
      withApe += 1;
      if (ape <= 0.05 + 1e-12) in5 += 1;
      if (ape <= 0.1 + 1e-12) in10 += 1;
      const week = byWeek.get(f.week) ?? { sum: 0, count: 0 };
      week.sum += ape;
      week.count += 1;
      byWeek.set(f.week, week);
    }
    if (f.p10 !== null && f.p50 !== null && f.p90 !== null) {
      ranged += 1;
      if (f.p10 <= f.actual && f.actual <= f.p90) covered += 1;
      pinballSum +=
        (pinball(f.actual, f.p10, 0.1) + pinball(f.actual, f.p50, 0.5) + pinball(f.actual, f.p90, 0.9)) / 3;
    }
  }
  const meanActual = forecasts.length === 0 ? 0 : actualSum / forecasts.length;
  return {
    forecasts: forecasts.length,
    apeByWeek: [...byWeek.entries()]
      .sort(([a], [b]) => a - b)
      .map(([week, w]) => ({ week, ape: w.sum / w.count, forecasts: w.count })),
    wape: actualSum > 0 ? absolute / actualSum : null,
    bias: actualSum > 0 ? signed / actualSum : null,
    within5: withApe > 0 ? in5 / withApe : null,
    within10: withApe > 0 ? in10 / withApe : null,
    coverage: ranged > 0 ? covered / ranged : null,
    pinball: ranged > 0 && meanActual > 0 ? pinballSum / ranged / meanActual : null,
  };
}

/** The pinball (quantile) loss of quantile forecast `x` at level q for outcome `a`. */
export function computePinballLoss(actual: number, quantile: number, level: number): number {
  return pinball(actual, quantile, level);
}

function pinball(actual: number, quantile: number, level: number): number {
  return actual >= quantile ? level * (actual - quantile) : (1 - level) * (quantile - actual);
}
