import type { ForecastCategory } from '../forecast-category.js';
import type { OpportunityState } from '../opportunity.js';

/** One time the close date moved later while the deal was open. */
export type ClosePush = { from: string; to: string; at: Date };

/** A change entered in Candor with a business time well before the moment it was recorded. */
export type BackdatedChange = { businessTime: Date; recordedTime: Date; changed: string[] };

/**
 * What the rules need to know about one deal as of an instant T, all of it known at T: its state
 * then, and the few facts about its history the rules read. The store computes these in SQL for
 * whole pipelines; computeDealFacts (the reference) computes them from the deal's versions.
 */
export type DealFacts = Pick<
  OpportunityState,
  | 'id'
  | 'name'
  | 'ownerId'
  | 'accountId'
  | 'stage'
  | 'forecastCategory'
  | 'isClosed'
  | 'isWon'
  | 'closeDate'
  | 'amountMinor'
  | 'currency'
  | 'nextStep'
  | 'competitor'
  | 'type'
  | 'leadSource'
  | 'lossReason'
  | 'fields'
  | 'createdAt'
  | 'stageEnteredAt'
  | 'closedRecordedAt'
> & {
  forecastCategory: ForecastCategory;
  /** The amount in the corporate currency, null when missing or without a rate. */
  corporateAmountMinor: bigint | null;
  /** Business time of the deal's first version (its creation in the ledger). */
  firstSeenAt: Date;
  /** The stage the deal was created in. */
  firstStage: string;
  /** The close-date pushes up to T, oldest first. */
  pushes: ClosePush[];
  /** The amount at T minus the amount-swing window; undefined when the deal did not exist then. */
  amountBefore: bigint | null | undefined;
  /** When each current value was set (the start of its current run of versions). */
  since: { amount: Date; closeDate: Date; category: Date; nextStep: Date; fields: Date };
  /** Occurrence of the latest activity logged against the deal, up to T. */
  lastActivityAt: Date | null;
  /** Backdated changes recorded in the backdated-change look-back window before T. */
  backdated: BackdatedChange[];
};
