import type { HygieneRule } from '../hygiene-rule.js';

/** An open deal without an amount, or with an amount of zero. */
export const amountMissing: HygieneRule<'amount-missing'> = {
  id: 'amount-missing',
  includesClosed: false,
  evaluate: (deal) => {
    if (deal.isClosed) return null;
    if (deal.amountMinor === null) return { evidence: 'no amount entered', since: deal.since.amount };
    if (deal.amountMinor === 0n) return { evidence: 'amount is zero', since: deal.since.amount };
    return null;
  },
};
