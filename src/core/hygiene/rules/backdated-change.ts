import { isLateRecordedClose } from '../../backdating.js';
import type { HygieneRule } from '../hygiene-rule.js';
import { dayOf, plural, wholeDaysBetween } from '../hygiene-time.js';

/**
 * Changes entered in Candor long after they took effect, and wins or losses recorded long after
 * their close date (the ledger's own definitions, src/core/backdating.ts), recorded within the
 * look-back window before T. The only rule that also flags won and lost deals: a late-recorded
 * close is a fact about the deal's last quarter, not about its open pipeline.
 */
export const backdatedChange: HygieneRule<'backdated-change'> = {
  id: 'backdated-change',
  includesClosed: true,
  evaluate: (deal, context) => {
    // Nearly every deal has neither: judged without building anything.
    if (deal.backdated.length === 0 && deal.closedRecordedAt === null) return null;
    const windowStart = context.asOf.getTime() - context.thresholds.lookbackDays * 86_400_000;
    const inWindow = (instant: Date) =>
      instant.getTime() > windowStart && instant.getTime() <= context.asOf.getTime();
    const parts: string[] = [];
    const times: Date[] = [];
    for (const change of deal.backdated.filter((c) => inWindow(c.recordedTime))) {
      const early = wholeDaysBetween(change.businessTime, change.recordedTime);
      parts.push(
        `${change.changed.join(', ') || 'a change'} entered ${dayOf(change.recordedTime)} dated ${dayOf(change.businessTime)} (${plural(early, 'day')} earlier)`,
      );
      times.push(change.recordedTime);
    }
    const lateClose =
      deal.closedRecordedAt !== null &&
      inWindow(deal.closedRecordedAt) &&
      isLateRecordedClose(deal, {
        backdatedAfterHours: context.backdatedAfterHours,
        lateCloseAfterDays: context.lateCloseAfterDays,
        timeZone: context.timeZone,
      });
    if (lateClose && deal.closedRecordedAt) {
      parts.push(
        `${deal.isWon ? 'won' : 'lost'} on ${deal.closeDate ?? '?'} but recorded ${dayOf(deal.closedRecordedAt)}`,
      );
      times.push(deal.closedRecordedAt);
    }
    if (parts.length === 0) return null;
    // It holds from the first such record in the window.
    const first = times.reduce((a, b) => (a.getTime() <= b.getTime() ? a : b));
    return { evidence: parts.join('; '), since: first };
  },
};
