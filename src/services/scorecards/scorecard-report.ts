import type { IndicatorStatus } from '../../core/scorecards/indicator-status.js';
import type { IndicatorUnit } from '../../core/scorecards/compute-scorecard.js';

/** The scorecards of a period as the API and the CLI give them (see src/api/scorecards.ts). */
export type ReportValue = string | number | null;

export type ReportIndicator = {
  key: string;
  label: string;
  unit: IndicatorUnit;
  kind: 'trailing' | 'leading';
  value: ReportValue;
  target: ReportValue;
  expected: ReportValue;
  status: IndicatorStatus;
  trend: ReportValue[];
  dealIds: string[];
  activityIds: string[];
  activityCount: number;
};

export type ReportCard = {
  subjectType: 'user' | 'team';
  subjectId: string;
  name: string;
  path: string[];
  role: string;
  headcount: number;
  ownerIds: string[];
  quota: string | null;
  quotaSource: 'set' | 'prorated' | 'members' | 'none';
  bookings: string;
  attainment: number | null;
  pace: number | null;
  status: IndicatorStatus;
  indicators: ReportIndicator[];
  activitiesByType: Record<string, number>;
  conversions: { stage: string; entered: number; advanced: number; rate: number | null; dealIds: string[] }[];
};

export type ScorecardsReport = {
  period: string;
  currency: string;
  asOf: string;
  periodStart: string;
  periodEnd: string;
  elapsedShare: number;
  periods: string[];
  statusRule: string;
  teams: ReportCard[];
  people: ReportCard[];
};

export const statusRuleText =
  'Each indicator is compared with what its target asks for by now (counts and amounts scaled to ' +
  'the share of the period gone by the fiscal calendar; rates such as win rate and coverage as they ' +
  'are): on track at 100 % or more, at risk from 80 % to under 100 %, off track below 80 %.';
