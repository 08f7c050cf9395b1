import type { HygieneFlag } from './hygiene-flag.js';
import { severityWeights } from './hygiene-rule-id.js';

export type DealRisk = {
  /** Σ of the severity weights of the deal's flags: 0 clean; each high flag adds 1. */
  points: number;
  level: 'none' | 'low' | 'medium' | 'high';
  /** One line a manager reads first. */
  summary: string;
};

/**
 * A deal's risk from its flags. Unlike the hygiene score, flags add up here: a deal pushed three
 * times that also went quiet is riskier than one with either problem, and inspection sorts by it.
 * Levels: none (0), low (< 0.5), medium (< 1.5), high (≥ 1.5).
 */
export function computeDealRisk(flags: readonly Pick<HygieneFlag, 'severity' | 'rule'>[]): DealRisk {
  const points = flags.reduce((sum, f) => sum + severityWeights[f.severity], 0);
  const level = points === 0 ? 'none' : points < 0.5 ? 'low' : points < 1.5 ? 'medium' : 'high';
  const high = flags.filter((f) => f.severity === 'high').map((f) => f.rule);
  const summary =
    flags.length === 0
      ? 'No hygiene flags: nothing suggests this deal is stale.'
      : `${level[0]?.toUpperCase()}${level.slice(1)} risk: ${flags.length} flag${flags.length === 1 ? '' : 's'}` +
        (high.length > 0 ? `, serious: ${high.join(', ')}` : '') +
        '.';
  return { points, level, summary };
}
