import type { HygieneRule, RuleContext, StageNorm } from '../hygiene-rule.js';
import { addDaysToInstant, plural, wholeDaysBetween } from '../hygiene-time.js';

/**
 * An open deal in its stage longer than this organisation's usual stay there: beyond the configured
 * percentile of completed stays known at T, or the fallback when too few are known (see
 * compute-stage-norms.ts).
 */
export const stuckInStage: HygieneRule<'stuck-in-stage'> = {
  id: 'stuck-in-stage',
  includesClosed: false,
  evaluate: (deal, context) => {
    if (deal.isClosed) return null;
    const norm = context.stageNorms.get(deal.stage);
    const limitDays = norm?.limitDays ?? context.thresholds.fallbackDays;
    const since = addDaysToInstant(deal.stageEnteredAt, limitDays);
    if (since.getTime() > context.asOf.getTime()) return null;
    const days = wholeDaysBetween(deal.stageEnteredAt, context.asOf);
    return {
      evidence: `in ${deal.stage} for ${plural(days, 'day')}; ${basisOf(norm, context.thresholds)}`,
      since,
    };
  },
};

type Thresholds = RuleContext<'stuck-in-stage'>['thresholds'];

/**
 * Why the limit is what it is: the same text for every deal in a stage, so it is written once
 * per stage norm (or per thresholds, for stages without one) of an evaluation.
 */
function basisOf(norm: StageNorm | undefined, thresholds: Thresholds): string {
  const key = norm ?? thresholds;
  let basis = bases.get(key);
  if (basis === undefined) {
    const limitDays = norm?.limitDays ?? thresholds.fallbackDays;
    const percentile = Math.round(thresholds.percentile * 100);
    basis =
      norm?.basis === 'history'
        ? `this organisation's ${ordinal(percentile)} percentile is ${plural(limitDays, 'day')}` +
          (norm.medianDays === null ? '' : `, median ${plural(Math.round(norm.medianDays), 'day')}`)
        : `too little history (${plural(norm?.samples ?? 0, 'completed stay')}), so the limit is ${plural(limitDays, 'day')}`;
    bases.set(key, basis);
  }
  return basis;
}

const bases = new WeakMap<object, string>();

function ordinal(n: number): string {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${n % 10 > 3 ? 'th' : suffix}`;
}
