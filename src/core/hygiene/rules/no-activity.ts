import type { HygieneRule } from '../hygiene-rule.js';
import { addDaysToInstant, dayOf, plural, wholeDaysBetween } from '../hygiene-time.js';

/**
 * No activity (call, meeting, demo, e-mail, task) logged against an open deal for N days; a deal
 * that never had one counts from the day it was created.
 */
export const noActivity: HygieneRule<'no-activity'> = {
  id: 'no-activity',
  includesClosed: false,
  evaluate: (deal, context) => {
    const from = deal.lastActivityAt ?? deal.firstSeenAt;
    const since = addDaysToInstant(from, context.thresholds.days);
    if (deal.isClosed || since.getTime() > context.asOf.getTime()) return null;
    const idle = wholeDaysBetween(from, context.asOf);
    return {
      evidence: deal.lastActivityAt
        ? `no activity for ${plural(idle, 'day')}: the last on ${dayOf(deal.lastActivityAt)} (limit ${context.thresholds.days})`
        : `no activity logged in the ${plural(idle, 'day')} since it was created (limit ${context.thresholds.days})`,
      since,
    };
  },
};
