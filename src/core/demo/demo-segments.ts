/**
 * Market segments and what deals in each look like: the amount range (in USD, before conversion to
 * the account's currency), how long a sales cycle runs, how often deals are won, how much activity
 * a deal draws, and how far a push moves the close date.
 */
export type Segment = 'SMB' | 'Mid-Market' | 'Enterprise';

export type SegmentProfile = {
  amountUsd: readonly [number, number];
  /** Amounts are quoted in round numbers of this size. */
  roundTo: number;
  cycleDays: readonly [number, number];
  employees: readonly [number, number];
  winBase01: number;
  activitiesPerDeal: number;
  pushDays: readonly [number, number];
};

export const segmentProfiles: Record<Segment, SegmentProfile> = {
  SMB: {
    amountUsd: [6_000, 30_000],
    roundTo: 500,
    cycleDays: [18, 45],
    employees: [15, 200],
    winBase01: 0.26,
    activitiesPerDeal: 2,
    pushDays: [10, 30],
  },
  'Mid-Market': {
    amountUsd: [30_000, 120_000],
    roundTo: 1_000,
    cycleDays: [40, 90],
    employees: [200, 2_000],
    winBase01: 0.22,
    activitiesPerDeal: 3.5,
    pushDays: [14, 45],
  },
  Enterprise: {
    amountUsd: [120_000, 650_000],
    roundTo: 5_000,
    cycleDays: [80, 170],
    employees: [2_000, 60_000],
    winBase01: 0.18,
    activitiesPerDeal: 5.5,
    pushDays: [21, 60],
  },
};
