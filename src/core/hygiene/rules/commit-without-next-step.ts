import type { HygieneRule } from '../hygiene-rule.js';
import { laterOf } from '../hygiene-time.js';

/** A deal in the Commit category with no next step: committed, yet nobody knows what happens next. */
export const commitWithoutNextStep: HygieneRule<'commit-without-next-step'> = {
  id: 'commit-without-next-step',
  includesClosed: false,
  evaluate: (deal) => {
    if (deal.isClosed || deal.forecastCategory !== 'Commit') return null;
    if (deal.nextStep !== null && deal.nextStep.trim() !== '') return null;
    return {
      evidence: 'in Commit without a next step',
      since: laterOf(deal.since.category, deal.since.nextStep),
    };
  },
};
