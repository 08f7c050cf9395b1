import type { HygieneRule } from '../hygiene-rule.js';

/**
 * The close date of an open deal moved later N or more times. Evidence: the path of close dates,
 * e.g. "pushed 3 times: 2026-03-31 → 2026-04-30 → 2026-05-31 → 2026-06-30". Holds from the Nth push.
 */
export const pushedRepeatedly: HygieneRule<'pushed-repeatedly'> = {
  id: 'pushed-repeatedly',
  includesClosed: false,
  evaluate: (deal, context) => {
    const { pushes } = context.thresholds;
    const nth = deal.pushes[pushes - 1];
    if (deal.isClosed || !nth) return null;
    const path: string[] = [];
    for (const push of deal.pushes) {
      if (path.at(-1) !== push.from) path.push(push.from);
      path.push(push.to);
    }
    return { evidence: `pushed ${deal.pushes.length} times: ${path.join(' → ')}`, since: nth.at };
  },
};
