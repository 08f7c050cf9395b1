import type { LedgerEvent } from './ledger-event.js';
import type { OrgSettings } from './org-entities.js';
import type { OpportunityState } from './opportunity.js';
import { startOfDay } from './fiscal-calendar.js';

type Thresholds = Pick<OrgSettings, 'backdatedAfterHours' | 'lateCloseAfterDays' | 'timeZone'>;

const hourMs = 3_600_000;
const dayMs = 24 * hourMs;

/**
 * A change entered in Candor (not imported) whose business time is more than the configured
 * interval before the moment it was recorded: someone said "this happened last month" today.
 * Imported history is excluded: its business time is the source system's own timestamp.
 */
export function isBackdated(
  event: Pick<LedgerEvent, 'source' | 'businessTime' | 'recordedTime'>,
  thresholds: Pick<Thresholds, 'backdatedAfterHours'>,
): boolean {
  if (event.source === 'import') return false;
  return (
    event.recordedTime.getTime() - event.businessTime.getTime() > thresholds.backdatedAfterHours * hourMs
  );
}

/**
 * A deal whose win or loss was recorded more than the configured number of days after the end of
 * its close date (in the organisation's zone): a June close date set in July.
 */
export function isLateRecordedClose(
  deal: Pick<OpportunityState, 'isClosed' | 'closeDate' | 'closedRecordedAt'>,
  thresholds: Thresholds,
): boolean {
  if (!deal.isClosed || !deal.closeDate || !deal.closedRecordedAt) return false;
  const endOfCloseDay = startOfDay(deal.closeDate, thresholds.timeZone).getTime() + dayMs;
  return deal.closedRecordedAt.getTime() - endOfCloseDay > thresholds.lateCloseAfterDays * dayMs;
}
