import type { Insight } from './insight.js';

/** A deal as the summaries see it: amounts already in the corporate currency. */
export type SummaryDeal = {
  id: string;
  accountId: string | null;
  isClosed: boolean;
  isWon: boolean;
  /** Actual (closed) or expected (open) close date, `YYYY-MM-DD`. */
  closeDate: string | null;
  /** Null when the deal has no amount or its currency no rate: counted, adds nothing. */
  corporateAmountMinor: bigint | null;
  lossReason: string | null;
  /** The CRM's competitor field; several names may be separated by `;` (multi-select picklists). */
  competitor: string | null;
};

/** The inputs every summary takes: the caller's deals and insights, already scoped and filtered. */
export type SummaryInputs = {
  /** Closed deals count when their close date is in [start, end); insights when captured then. */
  range: { start: string; end: string };
  /** The organisation's time zone: the day an insight was captured is its day there. */
  timeZone: string;
  deals: readonly SummaryDeal[];
  /** Withdrawn insights are left out by the caller. */
  insights: readonly Insight[];
};
