import type { ActivityType } from '../org-entities.js';
import type { ForecastCategory } from '../forecast-category.js';

/**
 * The facts a scorecard is computed from, read by the store for the people a card covers. Amounts
 * are already in the corporate currency (null: no amount, or no rate for its currency).
 */
export type ScorecardDeal = {
  id: string;
  ownerId: string | null;
  createdAt: Date;
  /** `YYYY-MM-DD`. */
  closeDate: string | null;
  isClosed: boolean;
  isWon: boolean;
  forecastCategory: ForecastCategory;
  corporateMinor: bigint | null;
};

/** A deal entering a stage: at its creation (`fromStage` null) or by a change of stage. */
export type StageChange = { dealId: string; at: Date; fromStage: string | null; toStage: string };

export type ScorecardActivity = { id: string; ownerId: string | null; type: ActivityType; occurredAt: Date };

/** Where a stage stands in the sales process. */
export type StageOrder = { name: string; order: number; isClosed: boolean; isWon: boolean };

export type ScorecardFacts = {
  deals: readonly ScorecardDeal[];
  stageChanges: readonly StageChange[];
  activities: readonly ScorecardActivity[];
  stages: readonly StageOrder[];
};
