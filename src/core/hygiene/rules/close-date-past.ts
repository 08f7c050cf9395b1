import type { HygieneRule } from '../hygiene-rule.js';
import { daysBetweenDays, laterOf, plural, startOfDayAfter } from '../hygiene-time.js';

/**
 * An open deal whose close date is before the day of T in the organisation's time zone: it should
 * have closed already. Holds from the start of the day after the close date, or from when that
 * close date was entered if it was entered already in the past.
 */
export const closeDatePast: HygieneRule<'close-date-past'> = {
  id: 'close-date-past',
  includesClosed: false,
  evaluate: (deal, context) => {
    if (deal.isClosed || deal.closeDate === null || deal.closeDate >= context.today) return null;
    const late = daysBetweenDays(deal.closeDate, context.today);
    return {
      evidence: `close date ${deal.closeDate} passed ${plural(late, 'day')} ago, still open`,
      since: laterOf(startOfDayAfter(deal.closeDate, context.timeZone), deal.since.closeDate),
    };
  },
};
