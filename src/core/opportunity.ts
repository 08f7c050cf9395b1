import type { ForecastCategory } from './forecast-category.js';

/**
 * The facts about an opportunity that events set. Everything a later capability needs to know
 * about a deal at a moment lives here, so one replay gives the whole state.
 */
export type OpportunityFields = {
  name: string;
  accountId: string | null;
  ownerId: string | null;
  /** Amount in minor units of `currency`; null when never entered (not the same as zero). */
  amountMinor: bigint | null;
  currency: string;
  stage: string;
  /** The stage's or the CRM's probability in [0, 1], when known. */
  probability01: number | null;
  forecastCategory: ForecastCategory;
  /** True when the owner set the category instead of taking the stage's default. */
  forecastCategoryOverridden: boolean;
  isClosed: boolean;
  isWon: boolean;
  /** Expected (open) or actual (closed) close date, `YYYY-MM-DD`. */
  closeDate: string | null;
  /** When the deal was created in its source system. */
  createdAt: Date;
  nextStep: string | null;
  lossReason: string | null;
  competitor: string | null;
  type: string | null;
  leadSource: string | null;
  /** Supporting information (MEDDICC keys such as `economicBuyer`) and other custom fields. */
  fields: Record<string, string>;
};

/** What the ledger derives about an opportunity as its events are replayed. */
export type OpportunityState = OpportunityFields & {
  id: string;
  /** Business time of the latest stage change. */
  stageEnteredAt: Date;
  /** How many times the close date moved later while the deal was open. */
  pushCount: number;
  /**
   * When the win or loss was recorded: the source system's timestamp for imported history, the
   * ledger's recorded time for changes made in Candor. Null while open.
   */
  closedRecordedAt: Date | null;
  /** Business time of the latest event applied. */
  updatedAt: Date;
  lastSeq: bigint;
};

/** The supporting-information keys Candor knows by name (MEDDICC). Stages may require any field. */
export const meddiccFields = [
  'metrics',
  'economicBuyer',
  'decisionCriteria',
  'decisionProcess',
  'identifiedPain',
  'champion',
  'competition',
] as const;
