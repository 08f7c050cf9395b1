import { formatMinor } from '../../money.js';
import type { HygieneRule } from '../hygiene-rule.js';
import { plural } from '../hygiene-time.js';

/**
 * The amount of an open deal changed by more than X % within the window (a week by default):
 * |amount at T − amount at T − window| / amount at T − window > X / 100. Holds from the latest
 * amount change until that change leaves the window. A deal created inside the window, or whose
 * amount was missing or zero at its start, is left to the amount-missing rule.
 */
export const amountSwing: HygieneRule<'amount-swing'> = {
  id: 'amount-swing',
  includesClosed: false,
  evaluate: (deal, context) => {
    const before = deal.amountBefore;
    const now = deal.amountMinor;
    if (deal.isClosed || before === undefined || before === null || before === 0n || now === null)
      return null;
    const windowStart = context.asOf.getTime() - context.thresholds.days * 86_400_000;
    if (deal.since.amount.getTime() <= windowStart) return null;
    const change = now - before;
    const magnitude = change < 0n ? -change : change;
    // Compare in integers: magnitude / before > percent / 100 ⇔ magnitude·100·1000 > percent·1000·before.
    if (magnitude * 100_000n <= BigInt(Math.round(context.thresholds.percent * 1000)) * before) return null;
    const percent = Math.round((Number(change) / Number(before)) * 100);
    return {
      evidence:
        `amount ${change > 0n ? 'up' : 'down'} ${Math.abs(percent)}% in ${plural(context.thresholds.days, 'day')}: ` +
        `${formatMinor(before, context.decimalsOf(deal.currency))} → ${formatMinor(now, context.decimalsOf(deal.currency))} ${deal.currency}`,
      since: deal.since.amount,
    };
  },
};
