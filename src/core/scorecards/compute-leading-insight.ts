import { computeSpearman } from './spearman.js';

/** One person-quarter: what was measured early in it, and the attainment at its end. */
export type InsightObservation = {
  subjectId: string;
  period: string;
  attainment: number;
  /** Early measures by indicator key; null when it cannot be measured (coverage with quota met). */
  early: Record<string, number | null>;
};

export type InsightStrength = 'strong' | 'moderate' | 'weak' | 'none' | 'too-little-data';

export type IndicatorInsight = {
  key: string;
  label: string;
  n: number;
  rho: number | null;
  strength: InsightStrength;
  statement: string;
};

/** Below this many person-quarters an indicator's correlation is not reported: too little data to tell. */
export const minimumInsightPairs = 12;

/**
 * Which early measures went with attainment at the end, in this organisation's own history: for
 * each indicator, Spearman's ρ (see computeSpearman) between its value in the first weeks of a
 * quarter and the attainment at the quarter's end, over every person-quarter with a quota.
 *
 * Strength by |ρ|: ≥ 0.5 strong, ≥ 0.3 moderate, ≥ 0.1 weak, below that none (common rules of
 * thumb for rank correlations). With fewer than `minimumInsightPairs` pairs, or no variation, the
 * answer is "too little data to tell". A correlation says the two went together, not that one
 * caused the other; person-quarters of one person are not independent, so n overstates the evidence
 * somewhat. Both caveats are in docs/scorecards.md.
 */
export function computeLeadingInsight(input: {
  observations: readonly InsightObservation[];
  indicators: readonly { key: string; label: string }[];
  weeks: number;
  minimumPairs?: number;
}): { indicators: IndicatorInsight[]; summary: string } {
  const minimum = input.minimumPairs ?? minimumInsightPairs;
  const early = `in the first ${input.weeks} week${input.weeks === 1 ? '' : 's'}`;
  const indicators = input.indicators.map(({ key, label }): IndicatorInsight => {
    const pairs = input.observations
      .map((o) => [o.early[key], o.attainment] as const)
      .filter((p): p is readonly [number, number] => p[0] !== null && p[0] !== undefined);
    const n = pairs.length;
    const rho = n >= minimum ? computeSpearman(pairs) : null;
    const name = `${label} ${early}`;
    if (rho === null) {
      const why =
        n < minimum
          ? `${n} person-quarter${n === 1 ? '' : 's'}, at least ${minimum} needed`
          : `${n} person-quarters, but the values did not vary`;
      return {
        key,
        label,
        n,
        rho: null,
        strength: 'too-little-data',
        statement: `${name}: too little data to tell (${why}).`,
      };
    }
    const strength = strengthOf(rho);
    const shown = `ρ = ${rho.toFixed(2)} over ${n} person-quarters`;
    const statement =
      strength === 'none'
        ? `${name} showed no relationship with attainment at quarter end (${shown}).`
        : `${name} went with ${rho > 0 ? 'higher' : 'lower'} attainment at quarter end: a ${strength} ${
            rho > 0 ? 'positive' : 'negative'
          } relationship (${shown}).`;
    return { key, label, n, rho, strength, statement };
  });
  return { indicators, summary: summarise(indicators, input.observations.length, minimum, early) };
}

function strengthOf(rho: number): InsightStrength {
  const size = Math.abs(rho);
  if (size >= 0.5) return 'strong';
  if (size >= 0.3) return 'moderate';
  if (size >= 0.1) return 'weak';
  return 'none';
}

function summarise(
  indicators: readonly IndicatorInsight[],
  observations: number,
  minimum: number,
  early: string,
): string {
  const measured = indicators.filter((i) => i.rho !== null);
  if (measured.length === 0) {
    return `Too little data to tell: ${observations} person-quarter${observations === 1 ? '' : 's'} with a quota in the completed quarters studied; at least ${minimum} are needed.`;
  }
  const telling = measured
    .filter((i) => i.strength === 'strong' || i.strength === 'moderate')
    .sort((a, b) => Math.abs(b.rho ?? 0) - Math.abs(a.rho ?? 0));
  if (telling.length === 0) {
    return `None of the leading indicators measured ${early} went clearly with attainment at quarter end (all |ρ| < 0.3).`;
  }
  const names = telling.map((i) => `${i.label.toLowerCase()} (ρ = ${(i.rho ?? 0).toFixed(2)})`);
  return `Measured ${early}, ${names.join(', ')} went most clearly with attainment at quarter end, over ${telling[0]?.n ?? 0} person-quarters.`;
}
